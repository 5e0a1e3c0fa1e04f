import "server-only";
import { and, inArray, isNotNull, lte, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { ticketEvents, tickets } from "@/db/schema";
import { env } from "@/lib/env";
import { type PollingJob, startPollingJob } from "@/lib/server/polling-job";
import type { SlaTarget } from "@/lib/tickets/workflow";
import { getServiceLevels, recomputeDeadlines } from "./service-levels";

const SLA_ACTOR = "system:service-levels";
// Tickets per transaction, as in the auto-close job: a backlog is worked off in short transactions.
const BATCH = 100;

const DEADLINES = { first_reply: tickets.firstReplyDueAt, resolution: tickets.resolutionDueAt } as const;

/**
 * Records, once per ticket and target, a deadline that has passed while its clock ran: the target joins
 * `sla_breaches` and the history gets an `sla_breached` row. Tickets are taken with SKIP LOCKED and the
 * breach is written in the same transaction, so with any number of instances each breach is recorded once.
 */
async function recordBreaches(db: Database, target: SlaTarget): Promise<number> {
  const deadline = DEADLINES[target];
  // A literal, not a parameter, so PostgreSQL matches the partial index built on the same condition.
  const notYetRecorded = sql`not (${sql.raw(`'${target}'`)} = any(${tickets.slaBreaches}))`;
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ id: tickets.id })
      .from(tickets)
      .where(and(isNotNull(deadline), notYetRecorded, lte(deadline, sql`now()`)))
      .limit(BATCH)
      .for("update", { skipLocked: true });
    if (due.length === 0) return 0;
    const breached = await tx
      .update(tickets)
      .set({ slaBreaches: sql`array_append(${tickets.slaBreaches}, ${target}::text)`, version: sql`${tickets.version} + 1` })
      .where(inArray(tickets.id, due.map(({ id }) => id)))
      .returning({ id: tickets.id });
    await tx.insert(ticketEvents).values(breached.map(({ id }) => ({ ticketId: id, type: "sla_breached" as const, toValue: target, actor: SLA_ACTOR })));
    return breached.length;
  });
}

/** One pass: every breach that is due, first replies then resolutions, in batches. */
export async function runBreachCheck(): Promise<void> {
  const db = await getDb();
  for (const target of Object.keys(DEADLINES) as SlaTarget[]) {
    for (let recorded = BATCH; recorded === BATCH; ) recorded = await recordBreaches(db, target);
  }
}

/**
 * Gives deadlines to the tickets in play that have none (those filed before service levels existed), then records
 * breaches every SLA_POLL_MS beside the outbox worker.
 */
export function startBreachJob(): PollingJob {
  let backfilled = false;
  return startPollingJob("service-level", env.SLA_POLL_MS, async () => {
    if (!backfilled) {
      const db = await getDb();
      const levels = await getServiceLevels(db);
      await db.transaction((tx) => recomputeDeadlines(tx, levels, true));
      backfilled = true;
    }
    await runBreachCheck();
  });
}
