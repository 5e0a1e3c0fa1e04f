import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { LOCALES } from "@/lib/i18n/locales";
import { textField } from "@/lib/zod/text";

// Shared by the admin API, the admin page's forms and the staff:create command.

export const STAFF_PASSWORD = { min: 10, max: 128 } as const;
export const STAFF_LIMITS = { email: 254, name: 120, apiTokenName: 100 } as const;

export const createStaffAccountInput = z.strictObject({
  email: z
    .string({ error: "Email is required" })
    .trim()
    .toLowerCase()
    .max(STAFF_LIMITS.email)
    .email("Enter a valid email address"),
  password: z
    .string({ error: "Password is required" })
    .min(STAFF_PASSWORD.min, `Password must be at least ${STAFF_PASSWORD.min} characters`)
    .max(STAFF_PASSWORD.max, `Password must be at most ${STAFF_PASSWORD.max} characters`),
  name: textField("Name", { max: STAFF_LIMITS.name }).optional(),
  role: z.enum(STAFF_ROLES, { error: 'Role must be "agent" or "admin"' }).default("agent"),
});
export type CreateStaffAccountInput = z.input<typeof createStaffAccountInput>;

/** better-auth's change-password body, checked by us first so a bad new password is a 422 naming `newPassword`. */
export const changeStaffPasswordInput = z.object({
  currentPassword: z.string({ error: "Current password is required" }).min(1, "Current password is required").max(STAFF_PASSWORD.max),
  newPassword: z
    .string({ error: "New password is required" })
    .min(STAFF_PASSWORD.min, `Password must be at least ${STAFF_PASSWORD.min} characters`)
    .max(STAFF_PASSWORD.max, `Password must be at most ${STAFF_PASSWORD.max} characters`)
    .meta({ example: "violet-anchor-47-drizzle" }),
  revokeOtherSessions: z
    .boolean()
    .optional()
    .meta({ description: "`true` ends every other session of this account (and issues this one a new cookie)" }),
});
export type ChangeStaffPasswordInput = z.infer<typeof changeStaffPasswordInput>;

export const createApiTokenInput = z.strictObject({
  name: textField("Name", { max: STAFF_LIMITS.apiTokenName }),
});

/** A staff account as the admin API lists and creates it (never its password). */
export const staffAccountSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
  /** Takes new tickets by round robin (the agent's own choice). */
  available: z.boolean(),
  /** At most this many open or in-progress tickets from round robin; null for no limit. */
  openTicketCap: z.int().nullable(),
  createdAt: z.iso.datetime(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

/** An API token as the admin API lists it: never the token itself, which only its hash can check. */
export const apiTokenSummarySchema = z.object({
  id: z.int(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiTokenSummary = z.infer<typeof apiTokenSummarySchema>;

/** A freshly created API token: the only time `token` is ever shown. */
export const createdApiTokenSchema = z.object({
  id: z.int(),
  name: z.string(),
  token: z.string().regex(/^kct_/),
});
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

const staffLocaleSchema = z
  .enum(LOCALES, { error: 'locale must be "es", "en" or null' })
  .nullable()
  .meta({ description: "The staff pages' language for this account: `es` (Mexican Spanish), `en`, or null to follow the browser" });

/** The signed-in staff member's own account and preferences, as GET and PATCH /api/staff/me answer. */
export const staffProfileSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  locale: staffLocaleSchema,
  /** Takes new tickets by round robin while true. */
  available: z.boolean(),
});
export type StaffProfile = z.infer<typeof staffProfileSchema>;

export const updateStaffProfileInput = z
  .strictObject({ locale: staffLocaleSchema.optional(), available: z.boolean({ error: "available must be true or false" }).optional() })
  .refine((changes) => changes.locale !== undefined || changes.available !== undefined, { message: "Send locale, available or both" });
export type UpdateStaffProfileInput = z.infer<typeof updateStaffProfileInput>;

/** The largest open-ticket cap an admin may set. */
export const MAX_OPEN_TICKET_CAP = 1000;
export const updateStaffAccountInput = z.strictObject({
  openTicketCap: z
    .int({ error: `openTicketCap must be a whole number from 1 to ${MAX_OPEN_TICKET_CAP}, or null for no limit` })
    .min(1)
    .max(MAX_OPEN_TICKET_CAP)
    .nullable(),
});
export type UpdateStaffAccountInput = z.infer<typeof updateStaffAccountInput>;

// Staff sign-in, sign-out and session, as the sign-in page and sign-out button use better-auth's endpoints
// under /api/auth (lib/auth/staff-auth.ts). better-auth validates these itself; the shapes are what it
// sends and accepts with this app's configuration (our `role` and `disabled` fields included).

export const staffSignInInput = z.object({
  email: z.string().max(STAFF_LIMITS.email).meta({ example: "lucia@kinconecta.com" }),
  password: z.string().max(STAFF_PASSWORD.max).meta({ example: "a-long-password" }),
  rememberMe: z
    .boolean()
    .optional()
    .meta({ description: "`false` ends the session when the browser closes instead of after 7 days" }),
});

/** The signed-in staff member, as better-auth returns it. */
export const staffUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  emailVerified: z.boolean(),
  image: z.string().nullable(),
  role: z.enum(STAFF_ROLES),
  disabled: z.boolean(),
  mustChangePassword: z.boolean().meta({ description: "Signed in with a generated password: change it before anything else" }),
  locale: z.enum(LOCALES).nullable().optional().meta({ description: "The desk's language for this account; null follows the browser" }),
  available: z.boolean().optional().meta({ description: "Takes new tickets by round robin" }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export const staffSignInResultSchema = z.object({
  redirect: z.boolean(),
  token: z.string().meta({ description: "The session token (the signed cookie carries it; clients need not keep it)" }),
  url: z.string().optional(),
  user: staffUserSchema,
});

/** The current session and its staff member, as better-auth's get-session returns it. */
export const staffSessionSchema = z.object({
  session: z.object({
    id: z.string(),
    token: z.string(),
    userId: z.string(),
    expiresAt: z.iso.datetime(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    ipAddress: z.string().nullable(),
    userAgent: z.string().nullable(),
  }),
  user: staffUserSchema,
});

export const staffSignOutResultSchema = z.object({ success: z.literal(true) });

/** better-auth's error body (not problem+json): a message and a stable code, e.g. `INVALID_EMAIL_OR_PASSWORD`. */
export const staffAuthErrorSchema = z.object({
  message: z.string(),
  code: z.string(),
});
