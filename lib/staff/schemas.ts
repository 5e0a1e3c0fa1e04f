import { z } from "zod";
import { STAFF_ROLES } from "@/lib/auth/actor";

// Shared by the admin API, the admin page's forms and the staff:create command.

export const STAFF_PASSWORD = { min: 10, max: 128 } as const;

export const createStaffAccountInput = z.strictObject({
  email: z.string({ error: "Email is required" }).trim().toLowerCase().max(254).email("Enter a valid email address"),
  password: z
    .string({ error: "Password is required" })
    .min(STAFF_PASSWORD.min, `Password must be at least ${STAFF_PASSWORD.min} characters`)
    .max(STAFF_PASSWORD.max, `Password must be at most ${STAFF_PASSWORD.max} characters`),
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(STAFF_ROLES, { error: 'Role must be "agent" or "admin"' }).default("agent"),
});
export type CreateStaffAccountInput = z.input<typeof createStaffAccountInput>;

export const createApiTokenInput = z.strictObject({
  name: z.string({ error: "Name is required" }).trim().min(1, "Name is required").max(100, "Name must be at most 100 characters"),
});

export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  disabled: boolean;
  createdAt: string;
}
