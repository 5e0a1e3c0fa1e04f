import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { staffSessions, staffUsers, ticketEvents, tickets } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { actorLabel } from "@/lib/auth/actor";
import type { StaffActor } from "@/lib/auth/staff-session";
import { AppError } from "@/lib/errors";
import { ticketColumns } from "@/lib/tickets/get-ticket";
import { announceChange } from "@/lib/webhooks/enqueue";

/**
 * Disables an account and ends every session it has, in one transaction with its audit entry: the next
 * request it makes is signed out. The tickets it owned that are not closed go back to Unassigned (each with its
 * history row), so none waits on someone who is gone; closed ones keep their owner as a record.
 */
export async function disableStaffAccount(id: string, by: StaffActor, origin: AuditOrigin): Promise<void> {
  if (id === by.userId) throw new AppError("conflict", "You cannot disable your own account");
  const db = await getDb();
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(staffUsers)
      .set({ disabled: true, updatedAt: new Date() })
      .where(eq(staffUsers.id, id))
      .returning({ email: staffUsers.email, name: staffUsers.name });
    if (updated.length === 0) throw new AppError("not_found", `Staff account ${id} does not exist`);
    const { email, name } = updated[0]!;
    await tx.delete(staffSessions).where(eq(staffSessions.userId, id));
    const released = await tx
      .update(tickets)
      .set({ assigneeId: null, version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(tickets.assigneeId, id), ne(tickets.status, "closed")))
      .returning(ticketColumns);
    if (released.length > 0) {
      const actor = actorLabel(by);
      await tx.insert(ticketEvents).values(
        released.map((ticket) => ({ ticketId: ticket.id, type: "assignee_changed" as const, fromValue: name, toValue: null, actor, createdAt: ticket.updatedAt })),
      );
      await announceChange(tx, released, false);
    }
    await recordAudit(tx, origin, {
      action: "staff_account.disabled",
      target: `staff_account:${id}`,
      detail: { email, ticketsUnassigned: released.length },
    });
  });
}
