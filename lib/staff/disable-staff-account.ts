import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { staffSessions, staffUsers } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** Disables an account and ends every session it has, in one transaction: the next request it makes is signed out. */
export async function disableStaffAccount(id: string, byUserId: string): Promise<void> {
  if (id === byUserId) throw new AppError("conflict", "You cannot disable your own account");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(staffUsers)
      .set({ disabled: true, updatedAt: new Date() })
      .where(eq(staffUsers.id, id))
      .returning({ id: staffUsers.id });
    if (updated.length === 0) throw new AppError("not_found", `Staff account ${id} does not exist`);
    await tx.delete(staffSessions).where(eq(staffSessions.userId, id));
  });
}
