import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { staffSessions, staffUsers } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import type { StaffActor } from "@/lib/auth/staff-session";
import { AppError } from "@/lib/errors";

/**
 * Disables an account and ends every session it has, in one transaction with its audit entry: the next
 * request it makes is signed out.
 */
export async function disableStaffAccount(id: string, by: StaffActor, origin: AuditOrigin): Promise<void> {
  if (id === by.userId) throw new AppError("conflict", "You cannot disable your own account");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(staffUsers)
      .set({ disabled: true, updatedAt: new Date() })
      .where(eq(staffUsers.id, id))
      .returning({ email: staffUsers.email });
    if (updated.length === 0) throw new AppError("not_found", `Staff account ${id} does not exist`);
    await tx.delete(staffSessions).where(eq(staffSessions.userId, id));
    await recordAudit(tx, origin, { action: "staff_account.disabled", target: `staff_account:${id}`, detail: { email: updated[0]!.email } });
  });
}
