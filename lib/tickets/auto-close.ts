import "server-only";
import { and, eq, gt, inArray, isNull, lte, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { ticketEvents, tickets } from "@/db/schema";
import { env } from "@/lib/env";
import { enqueueTicketEmail } from "@/lib/notifications/enqueue-ticket-email";
import { type PollingJob, startPollingJob } from "@/lib/server/polling-job";
import { announceChange } from "@/lib/webhooks/enqueue";
import { ticketColumns } from "./get-ticket";
import { statusColumns } from "./status-change";

const AUTO_CLOSE_ACTOR = "system:auto-close";
// Tickets per transaction: a backlog (after downtime) is worked off in short transactions.
const BATCH = 50;

const ago = (seconds: number) => sql`now() - make_interval(secs => ${seconds})`;

/**
 * Queues the reminder for resolved tickets unanswered for half of AUTO_CLOSE_AFTER. Each ticket is taken
 * with SKIP LOCKED and marked in the same transaction as its email, so with any number of instances each
 * reminder is queued exactly once, and a ticket someone is answering right now is simply left for the next pass.
 */
async function queueReminders(db: Database, afterSeconds: number): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(
        and(
          eq(tickets.status, "resolved"),
          isNull(tickets.reminderQueuedAt),
          lte(tickets.resolvedAt, ago(afterSeconds / 2)),
          // Due to close already (the job was down): the closing email says it all.
          gt(tickets.resolvedAt, ago(afterSeconds)),
        ),
      )
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (due.length === 0) return 0;
    const marked = await tx
      .update(tickets)
      .set({ reminderQueuedAt: sql`now()` })
      .where(inArray(tickets.id, due.map(({ id }) => id)))
      .returning(ticketColumns);
    for (const ticket of marked) await enqueueTicketEmail(tx, ticket, { kind: "resolution_reminder" });
    return marked.length;
  });
}

/** Closes resolved tickets unanswered for AUTO_CLOSE_AFTER (reason `auto_closed`), with a history row and the closing email; exactly once, as above. */
async function closeOverdue(db: Database, afterSeconds: number): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(eq(tickets.status, "resolved"), lte(tickets.resolvedAt, ago(afterSeconds))))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (due.length === 0) return 0;
    const closed = await tx
      .update(tickets)
      .set({
        ...statusColumns({ status: "resolved", awaiting: "requester" }, "closed", "auto_closed"),
        version: sql`${tickets.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(inArray(tickets.id, due.map(({ id }) => id)))
      .returning(ticketColumns);
    await tx.insert(ticketEvents).values(
      closed.map((ticket) => ({
        ticketId: ticket.id,
        type: "status_changed" as const,
        fromValue: "resolved",
        toValue: "closed",
        actor: AUTO_CLOSE_ACTOR,
        createdAt: ticket.updatedAt,
      })),
    );
    for (const ticket of closed) await enqueueTicketEmail(tx, ticket, { kind: "status_changed", from: "resolved" });
    await announceChange(tx, closed, true);
    return closed.length;
  });
}

/** One pass: reminders, then closings, each worked off in batches until none is due. */
export async function runAutoClose(afterSeconds: number): Promise<void> {
  const db = await getDb();
  for (let queued = BATCH; queued === BATCH; ) queued = await queueReminders(db, afterSeconds);
  for (let closed = BATCH; closed === BATCH; ) closed = await closeOverdue(db, afterSeconds);
}

/** Runs runAutoClose every AUTO_CLOSE_POLL_MS beside the outbox worker; nothing when AUTO_CLOSE_AFTER is off. */
export function startAutoCloseJob(): PollingJob {
  const afterSeconds = env.AUTO_CLOSE_AFTER;
  if (afterSeconds === null) return { stop: async () => {} };
  const pollMs = env.AUTO_CLOSE_POLL_MS ?? Math.min(60_000, Math.max(100, afterSeconds * 100));
  return startPollingJob("auto-close", pollMs, () => runAutoClose(afterSeconds));
}
