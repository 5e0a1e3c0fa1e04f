import "server-only";
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { selectRows } from "@/db/select-rows";
import { BUSINESS_HOURS_UNCOUNTED } from "@/db/schema";
import { env } from "@/lib/env";
import { type PollingJob, startPollingJob } from "@/lib/server/polling-job";
import type { BusinessCalendar } from "@/lib/sla/business-time";
import { getServiceLevels } from "@/lib/sla/service-levels";
import { businessDays, ticketBusinessHours } from "./report-sql";

// Counting a ticket's business hours at read time was most of a report's time at a million tickets, so this job counts
// each one once, when its first reply or first resolution has happened, and keeps the calendar's fingerprint beside the
// figures. A report reads them only while that calendar is in force and counts the rest itself: after an admin changes
// the schedule or the holidays, every figure follows the new calendar at once, and the reports get fast again as the
// job recounts (docs/reports.md).

/** Tickets per transaction: a recount after a calendar change is worked off in short transactions. */
const BATCH = 1000;

/** A short digest of everything in the calendar that business hours depend on. */
export function calendarFingerprint(calendar: BusinessCalendar): string {
  return createHash("sha256").update(JSON.stringify([calendar.timeZone, calendar.week, calendar.holidays])).digest("base64url").slice(0, 16);
}

/**
 * The ways a ticket needs counting with the calendar of `fingerprint`: a first reply or resolution not counted yet, or
 * figures counted with another calendar (before it, or after it, in the index of fingerprints). Over the columns of
 * `tickets` unqualified; each is what one of the job's indexes holds, so a query on them reads only those.
 */
const needsCountingArms = (fingerprint: string): SQL[] => [
  BUSINESS_HOURS_UNCOUNTED,
  sql`business_hours_calendar < ${fingerprint}`,
  sql`business_hours_calendar > ${fingerprint}`,
];

/** Whether a ticket needs counting with the calendar of `fingerprint` (`needsCountingArms`). */
export function needsCounting(fingerprint: string): SQL {
  return sql.join(needsCountingArms(fingerprint).map((arm) => sql`(${arm})`), sql` or `);
}

/**
 * The ids of the tickets that need counting, one index scan per arm: joined to the tickets a report reads, the planner
 * would otherwise guess that a tenth of all tickets match and read every one.
 */
export function ticketsNeedingCounting(fingerprint: string): SQL {
  return sql.join(needsCountingArms(fingerprint).map((arm) => sql`select id from tickets where ${arm}`), sql` union `);
}

/**
 * Counts up to BATCH tickets that need it (`needsCounting`). They are taken with SKIP LOCKED and written in the same
 * statement, so instances never count the same ticket at once; a reply that lands meanwhile waits for the row and is
 * counted at the next pass.
 */
async function countBatch(db: Database, calendar: BusinessCalendar, fingerprint: string): Promise<number> {
  const zone = calendar.timeZone;
  const hours = ticketBusinessHours(calendar);
  const rows = await selectRows<{ id: number }>(
    db,
    sql`with picked as (
        select id, created_at, first_replied_at, first_resolved_at from tickets
        where ${needsCounting(fingerprint)}
        limit ${BATCH} for update skip locked
      ), ${businessDays(
        calendar,
        sql`(select min(created_at at time zone ${zone}) from picked)`,
        sql`(select max(greatest(first_replied_at, first_resolved_at) at time zone ${zone}) from picked)`,
      )}
      update tickets set business_hours_calendar = ${fingerprint},
        first_reply_business_hours = ${hours.firstReply}, resolution_business_hours = ${hours.resolution}
      from picked t ${hours.joins}
      where tickets.id = t.id
      returning tickets.id`,
  );
  return rows.length;
}

/**
 * One pass: counts every ticket that needs it with the calendar in force, a batch at a time, until none is left or
 * the job is stopping. Answers how many it counted.
 */
export async function countBusinessHours(stopping: () => boolean = () => false): Promise<number> {
  const db = await getDb();
  const { calendar } = await getServiceLevels(db);
  const fingerprint = calendarFingerprint(calendar);
  let total = 0;
  for (let counted = BATCH; counted === BATCH && !stopping(); total += counted) counted = await countBatch(db, calendar, fingerprint);
  return total;
}

/** Counts business hours every SLA_POLL_MS beside the service-level job. */
export function startBusinessHoursJob(): PollingJob {
  return startPollingJob("business-hours", env.SLA_POLL_MS, async (stopping) => {
    await countBusinessHours(stopping);
  });
}
