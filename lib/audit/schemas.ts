import { z } from "zod";

// Shared by the audit-log API, its OpenAPI document and the admin page's audit section.

export const AUDIT_ACTIONS = [
  "api_token.created",
  "api_token.revoked",
  "staff_account.created",
  "staff_account.disabled",
  "staff_account.cap_changed",
  "first_admin.created",
  "password.changed",
  "sign_in.failed",
  "ticket.tracking_link_issued",
  "category.labels_changed",
  "service_levels.changed",
  "webhook.created",
  "webhook.changed",
  "webhook.deleted",
  "webhook.secret_rotated",
  "webhook.paused",
  "webhook.disabled",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_LOG_PAGE = { defaultLimit: 50, maxLimit: 100 } as const;

export const listAuditLogQuery = z.strictObject({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int()
    .min(1)
    .max(AUDIT_LOG_PAGE.maxLimit, `limit must be at most ${AUDIT_LOG_PAGE.maxLimit}`)
    .default(AUDIT_LOG_PAGE.defaultLimit)
    .meta({ description: `Entries per page (1–${AUDIT_LOG_PAGE.maxLimit})`, example: 50 }),
  cursor: z.string().max(200).optional().meta({ description: "The opaque cursor of the `Link` header's next page" }),
});
export type ListAuditLogQuery = z.infer<typeof listAuditLogQuery>;

/** One audit entry, as admins read it. */
export const auditEntrySchema = z.object({
  id: z.int(),
  action: z.enum(AUDIT_ACTIONS),
  actor: z.string().meta({
    description:
      "Who did it: `staff:<email>`, `token:<name>`, `cli` (a command on the server), `system`, or for a failed " +
      "sign-in the account it named",
  }),
  target: z.string().nullable().meta({ description: "What it was done to, e.g. `api_token:3` or `staff_account:<id>`" }),
  detail: z.record(z.string(), z.unknown()).nullable(),
  ipAddress: z.string().nullable().meta({ description: "The client address of the request, when there was one" }),
  createdAt: z.iso.datetime(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
