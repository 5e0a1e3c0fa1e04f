import "server-only";
import { and, asc, eq, isNull, or, sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { staffUsers } from "@/db/schema";
import type { TicketAssignee } from "./schemas";

export const ROUND_ROBIN_ACTOR = "system:round-robin";

/**
 * Who round robin gives a new ticket: among active accounts marked available and under their open-ticket cap, the
 * one who waited longest since their last ticket; null when there is nobody (the ticket stays unassigned). The
 * account's row is taken with SKIP LOCKED and marked in the caller's transaction, so tickets filed at the same moment
 * go to different agents, one each in turn.
 */
export async function nextAgentByRoundRobin(tx: Transaction): Promise<TicketAssignee | null> {
  const openTickets = sql`(select count(*) from tickets t where t.assignee_id = "staff_users"."id" and t.status in ('open', 'in_progress'))`;
  const [agent] = await tx
    .select({ id: staffUsers.id, name: staffUsers.name })
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
  if (!agent) return null;
  await tx.update(staffUsers).set({ lastAssignedAt: sql`now()` }).where(eq(staffUsers.id, agent.id));
  return agent;
}
