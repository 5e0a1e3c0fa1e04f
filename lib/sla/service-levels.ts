import "server-only";
import { and, inArray, sql } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { serviceLevels, tickets } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { BusinessCalendar } from "./business-time";
import { businessCalendarOf, DEFAULT_SERVICE_LEVELS, type ServiceLevels } from "./schemas";
import { slaColumns } from "./ticket-clocks";

export interface LoadedServiceLevels {
  settings: ServiceLevels;
  calendar: BusinessCalendar;
  version: number;
}

// Every ticket change needs the settings while an admin changes them a few times a year, so each process keeps
// them for a few seconds, like the categories: a save clears this process's copy at once (and recomputes every
// running deadline), other instances use the new settings for their next changes within SERVICE_LEVELS_TTL_MS.
// On globalThis because each route is bundled separately.
const SERVICE_LEVELS_TTL_MS = 10_000;
const globalForLevels = globalThis as unknown as { kinconectaServiceLevels?: { levels: LoadedServiceLevels; until: number } };

function loaded(settings: ServiceLevels, version: number): LoadedServiceLevels {
  return { settings, calendar: businessCalendarOf(settings), version };
}

/** The service levels as stored now: an admin's, or the defaults until one saves them (version 0). */
export async function readServiceLevels(executor?: Database | Transaction): Promise<LoadedServiceLevels> {
  const db = executor ?? (await getDb());
  const [row] = await db.select({ settings: serviceLevels.settings, version: serviceLevels.version }).from(serviceLevels).limit(1);
  return row ? loaded(row.settings, row.version) : loaded(DEFAULT_SERVICE_LEVELS, 0);
}

/** The service levels in force for a ticket change: this process's copy while it is fresh, else read again. */
export async function getServiceLevels(executor?: Database | Transaction): Promise<LoadedServiceLevels> {
  const known = globalForLevels.kinconectaServiceLevels;
  if (known && known.until > Date.now()) return known.levels;
  const levels = await readServiceLevels(executor);
  globalForLevels.kinconectaServiceLevels = { levels, until: Date.now() + SERVICE_LEVELS_TTL_MS };
  return levels;
}

/**
 * Saves new settings with their audit entry and moves every running deadline to them, in one transaction; 412 when
 * `expectedVersion` is not the current one (another admin saved in between).
 */
export async function updateServiceLevels(settings: ServiceLevels, origin: AuditOrigin, expectedVersion?: number): Promise<LoadedServiceLevels> {
  const db = await getDb();
  const saved = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('service_levels'))`);
    const current = await readServiceLevels(tx);
    if (expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new AppError("precondition_failed", `The service levels have changed since you loaded them (your version ${expectedVersion}, now ${current.version}); reload them and try again`);
    }
    const version = current.version + 1;
    await tx
      .insert(serviceLevels)
      .values({ id: 1, settings, version })
      .onConflictDoUpdate({ target: serviceLevels.id, set: { settings, version, updatedAt: sql`now()` } });
    await recordAudit(tx, origin, {
      action: "service_levels.changed",
      target: "service_levels",
      detail: { before: current.settings, after: settings },
    });
    const levels = loaded(settings, version);
    await recomputeDeadlines(tx, levels);
    return levels;
  });
  globalForLevels.kinconectaServiceLevels = { levels: saved, until: Date.now() + SERVICE_LEVELS_TTL_MS };
  return saved;
}

const RECOMPUTE_BATCH = 500;

/**
 * Every ticket in play gets its deadlines from `levels` again (the banked minutes stay as they were counted). Each
 * batch of rows is taken with their lock, so a change to one of them meanwhile waits and then counts from the result.
 */
export async function recomputeDeadlines(tx: Transaction, levels: LoadedServiceLevels, onlyUncomputed = false): Promise<number> {
  let after = 0;
  let total = 0;
  const now = new Date();
  for (;;) {
    const rows = await tx
      .select({
        id: tickets.id,
        priority: tickets.priority,
        status: tickets.status,
        awaiting: tickets.awaiting,
        createdAt: tickets.createdAt,
        firstRepliedAt: tickets.firstRepliedAt,
        slaUsedMinutes: tickets.slaUsedMinutes,
        slaClockSince: tickets.slaClockSince,
      })
      .from(tickets)
      .where(
        and(
          inArray(tickets.status, ["open", "in_progress"]),
          sql`${tickets.id} > ${after}`,
          // Tickets from before service levels existed: a clock should run, but there is no deadline.
          onlyUncomputed
            ? sql`${tickets.firstReplyDueAt} is null and ${tickets.resolutionDueAt} is null and (${tickets.firstRepliedAt} is null or ${tickets.awaiting} = 'staff')`
            : undefined,
        ),
      )
      .orderBy(tickets.id)
      .limit(RECOMPUTE_BATCH)
      .for("update");
    if (rows.length === 0) return total;
    // One UPDATE per batch, from a VALUES list of the new clocks.
    const clocks = rows.map((row) => {
      const next = slaColumns(row, levels, now);
      const at = (date: Date | null) => date?.toISOString() ?? null;
      return sql`(${row.id}::int, ${at(next.firstReplyDueAt)}::timestamptz, ${at(next.resolutionDueAt)}::timestamptz, ${next.slaUsedMinutes}::float8, ${at(next.slaClockSince)}::timestamptz)`;
    });
    await tx.execute(sql`
      update tickets set first_reply_due_at = v.first_reply_due_at, resolution_due_at = v.resolution_due_at,
        sla_used_minutes = v.sla_used_minutes, sla_clock_since = v.sla_clock_since
      from (values ${sql.join(clocks, sql`, `)}) as v(id, first_reply_due_at, resolution_due_at, sla_used_minutes, sla_clock_since)
      where tickets.id = v.id`);
    total += rows.length;
    after = rows.at(-1)!.id;
  }
}
