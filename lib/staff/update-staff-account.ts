import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { staffAccountColumns, toStaffAccount } from "./list-staff-accounts";
import type { StaffAccount, UpdateStaffAccountInput } from "./schemas";

/** Sets how many open or in-progress tickets round robin may give an account (null: no limit), with its audit entry. */
export async function updateStaffAccount(id: string, changes: UpdateStaffAccountInput, origin: AuditOrigin): Promise<StaffAccount> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select({ cap: staffUsers.openTicketCap }).from(staffUsers).where(eq(staffUsers.id, id)).for("update");
    if (!before) throw new AppError("not_found", `Staff account ${id} does not exist`);
    const [updated] = await tx
      .update(staffUsers)
      .set({ openTicketCap: changes.openTicketCap, updatedAt: new Date() })
      .where(eq(staffUsers.id, id))
      .returning(staffAccountColumns);
    await recordAudit(tx, origin, {
      action: "staff_account.cap_changed",
      target: `staff_account:${id}`,
      detail: { before: before.cap, after: changes.openTicketCap },
    });
    return toStaffAccount(updated!);
  });
}
