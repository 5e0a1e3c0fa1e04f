import "server-only";
import type { Actor } from "./actor";
import { getStaffAuth } from "./staff-auth";

export type StaffActor = Extract<Actor, { kind: "staff" }>;

/** The signed-in staff member behind a request's session cookie, or null (no cookie, expired, signed out, disabled). */
export async function findStaffActor(headers: Headers): Promise<StaffActor | null> {
  const auth = await getStaffAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  // The row carries our additional fields (staff-auth.ts); better-auth's inferred type leaves them out.
  const user = session.user as typeof session.user & { role?: string; disabled?: boolean };
  if (user.disabled) return null;
  return {
    kind: "staff",
    userId: user.id,
    email: user.email,
    role: user.role === "admin" ? "admin" : "agent",
  };
}
