import "server-only";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { staffUsers } from "@/db/schema";

export const ROUND_ROBIN_ACTOR = "system:round-robin";

/**
 * Who round robin gives a new ticket: among active accounts marked available and under their open-ticket cap, the
 * one who waited longest since their last ticket; nobody when there is none (the ticket stays unassigned). A
 * data-modifying CTE (`id`, `name`; no row for nobody) for the statement that inserts the ticket, so choosing costs no
 * statement of its own: the account's row is taken with SKIP LOCKED and marked in that statement, so tickets filed at
 * the same moment go to different agents, one each in turn.
 */
export function roundRobinAgent(tx: Transaction) {
  const openTickets = sql`(select count(*) from tickets t where t.assignee_id = "staff_users"."id" and t.status in ('open', 'in_progress'))`;
  const next = tx
    .select({ id: staffUsers.id })
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.available, true),
        eq(staffUsers.disabled, false),
        or(isNull(staffUsers.openTicketCap), sql`${openTickets} < ${staffUsers.openTicketCap}`),
      ),
    )
    .orderBy(sql`${staffUsers.lastAssignedAt} asc nulls first`, asc(staffUsers.id))
    .limit(1)
    .for("update", { skipLocked: true });
  return tx.$with("round_robin").as(
    tx.update(staffUsers).set({ lastAssignedAt: sql`now()` }).where(eq(staffUsers.id, sql`${next}`)).returning({ id: staffUsers.id, name: staffUsers.name }),
  );
}
