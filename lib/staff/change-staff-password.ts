import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { validationError } from "@/lib/errors";
import { assertPasswordNotCommon } from "./common-passwords";
import { removeFirstAdminPasswordFile } from "./ensure-first-admin";
import { changeStaffPasswordInput, type ChangeStaffPasswordInput } from "./schemas";

// better-auth's change-password endpoint checks the current password and stores the new one; these run
// around it (app/api/auth/[...all]/route.ts): our rules for the new password before, our records after.

/** Our rules for a new password, beyond better-auth's length check: not common, not the current one. */
export function checkNewStaffPassword(body: unknown): ChangeStaffPasswordInput {
  const input = changeStaffPasswordInput.parse(body);
  assertPasswordNotCommon("newPassword", input.newPassword);
  if (input.newPassword === input.currentPassword) {
    throw validationError("newPassword", "Choose a password different from the current one");
  }
  return input;
}

/**
 * After a successful change: the account may use the desk again (a generated password no longer needs
 * changing) and the change is audited, in one transaction; the first admin's password file goes too.
 */
export async function recordStaffPasswordChange(userId: string, origin: AuditOrigin): Promise<void> {
  const db = await getDb();
  const hadGeneratedPassword = await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ mustChangePassword: staffUsers.mustChangePassword })
      .from(staffUsers)
      .where(eq(staffUsers.id, userId))
      .for("update");
    await tx.update(staffUsers).set({ mustChangePassword: false, updatedAt: new Date() }).where(eq(staffUsers.id, userId));
    await recordAudit(tx, origin, { action: "password.changed", target: `staff_account:${userId}` });
    return user?.mustChangePassword === true;
  });
  if (hadGeneratedPassword) await removeFirstAdminPasswordFile();
}
