import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { selectRows } from "@/db/select-rows";
import { env } from "@/lib/env";
import type { BusinessCalendar } from "@/lib/sla/business-time";
import { getServiceLevels } from "@/lib/sla/service-levels";
import {
  businessDays,
  GROUP_COLUMNS,
  hoursBetween,
  localDate,
  localToday,
  rangeDays,
  rangeBounds,
  ticketBusinessHours,
  ticketFilters,
} from "./report-sql";
import { calendarFingerprint, needsCounting, ticketsNeedingCounting } from "./business-hours";
import { BACKLOG_STATUSES, type ReportFigures, type ReportSummary, type ReportSummaryQuery } from "./schemas";

/**
 * Each statement reads its rows once and aggregates them twice with `grouping sets`: per value of the `groupBy`
 * column (`key`) and over every ticket (`total`). Without `groupBy`, only the total.
 */
interface Grouping {
  /** The `groupBy` column, null without one. */
  key: SQL | null;
  /** `total, key` for the select list of the aggregating query, whose input has a `key` column. */
  select: SQL;
  /** The `group by` clause over `key` (when grouping) and these columns of the input. */
  groupBy: (...columns: string[]) => SQL;
}

function groupingOf(key: SQL | null): Grouping {
  if (!key) {
    return { key, select: sql.raw("true as total, null::text as key"), groupBy: (...columns) => sql.raw(columns.length ? `group by ${columns.join(", ")}` : "") };
  }
  return {
    key,
    select: sql.raw("grouping(key) = 1 as total, key"),
    groupBy: (...columns) => sql.raw(`group by grouping sets (${[["key", ...columns], columns].map((set) => `(${set.join(", ")})`).join(", ")})`),
  };
}

/** The key column of a statement's input rows: the `groupBy` column, or null for the total only. */
const keyColumn = (grouping: Grouping) => grouping.key ?? sql`null::text`;

/** What every aggregated row starts with: whether it is the total over every ticket, else its `groupBy` value. */
interface Slotted {
  total: boolean;
  key: string;
}

/** First-reply and resolution times, in calendar hours and (`business_`) business hours: how many, median and p90. */
interface CohortRow extends Slotted {
  created: number;
  first_reply_count: number;
  first_reply_median: number | null;
  first_reply_p90: number | null;
  resolution_count: number;
  resolution_median: number | null;
  resolution_p90: number | null;
  business_first_reply_count: number;
  business_first_reply_median: number | null;
  business_first_reply_p90: number | null;
  business_resolution_count: number;
  business_resolution_median: number | null;
  business_resolution_p90: number | null;
  first_reply_measured: number;
  first_reply_met: number;
  resolution_measured: number;
  resolution_met: number;
  rated: number;
  average_rating: number | null;
  rated_1: number;
  rated_2: number;
  rated_3: number;
  rated_4: number;
  rated_5: number;
  resolved: number;
  reopened: number;
}

interface DayRow extends Slotted {
  day: string;
  count: number;
}

type BacklogStatus = (typeof BACKLOG_STATUSES)[number];

interface StatusChangeRow extends Slotted {
  /** Null for the tickets in each status now. */
  day: string | null;
  status: BacklogStatus | "closed";
  count: number;
}

/** The report's figures over the range and filters, and per `groupBy` value when asked. */
export async function summarizeTickets(query: ReportSummaryQuery): Promise<ReportSummary> {
  const db = await getDb();
  const { groupBy = null, from, to } = query;
  const { calendar } = await getServiceLevels(db);
  const figures = await figuresBySlot(db, query, calendar, groupingOf(groupBy ? GROUP_COLUMNS[groupBy] : null));
  return {
    from,
    to,
    timeZone: env.DEFAULT_TIME_ZONE,
    figures: figures.get(TOTAL) ?? emptyFigures(daysOf(from, to)),
    groupBy,
    groups: [...figures]
      .filter((entry): entry is [string, ReportFigures] => entry[0] !== TOTAL)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, figures]) => ({ value, figures })),
  };
}

/** The slot of the figures over every ticket, beside one per `groupBy` value. */
const TOTAL = Symbol("total");
type Slot = string | typeof TOTAL;
const slotOf = (row: Slotted): Slot => (row.total ? TOTAL : row.key);

async function figuresBySlot(db: Database, query: ReportSummaryQuery, calendar: BusinessCalendar, grouping: Grouping): Promise<Map<Slot, ReportFigures>> {
  const filters = ticketFilters(query);
  const [cohort, created, moves] = await Promise.all([
    reportRows<CohortRow>(db, cohortQuery(grouping, query, calendar, filters)),
    reportRows<DayRow>(
      db,
      sql`with ${rangeDays(query.from, sql`${query.to}::date`)}
        select ${grouping.select}, to_char(day, 'YYYY-MM-DD') as day, count(*)::int as count from (
          select ${keyColumn(grouping)} as key, d.day
          from range_days d join tickets t on t.created_at >= d.starts and t.created_at < d.ends where ${filters}) created
        ${grouping.groupBy("day")}`,
    ),
    reportRows<StatusChangeRow>(db, statusChangesQuery(grouping, query, filters)),
  ]);

  const days = daysOf(query.from, query.to);
  const figures = new Map<Slot, ReportFigures>();
  const figuresOf = (slot: Slot) => {
    let found = figures.get(slot);
    if (!found) figures.set(slot, (found = emptyFigures(days)));
    return found;
  };
  for (const row of cohort) Object.assign(figuresOf(slotOf(row)), cohortFigures(row));
  const dayIndex = new Map(days.map((date, index) => [date, index]));
  for (const row of created) figuresOf(slotOf(row)).days[dayIndex.get(row.day)!]!.created = row.count;
  // A backlog at the start of the range: the tickets in each status now, less every change since then. Then each day
  // adds its own changes. A key appears when it has a change since the start or a ticket in the backlog now.
  const atStart = new Map<Slot, Record<BacklogStatus, number>>();
  const startOf = (slot: Slot) => {
    let found = atStart.get(slot);
    if (!found) atStart.set(slot, (found = { open: 0, in_progress: 0, resolved: 0 }));
    return found;
  };
  for (const row of moves) {
    const slot = slotOf(row);
    const index = row.day === null ? undefined : dayIndex.get(row.day);
    if (row.status === "closed") {
      if (index !== undefined) figuresOf(slot).days[index]!.closed = row.count;
      else figuresOf(slot);
      continue;
    }
    if (row.day === null) startOf(slot)[row.status] += row.count;
    else {
      startOf(slot)[row.status] -= row.count;
      if (index !== undefined) figuresOf(slot).days[index]!.backlog[row.status] = row.count;
    }
  }
  for (const [slot, backlog] of atStart) {
    const series = figuresOf(slot).days;
    for (let index = 0; index < series.length; index++) {
      const before = index === 0 ? backlog : series[index - 1]!.backlog;
      for (const status of BACKLOG_STATUSES) series[index]!.backlog[status] += before[status];
    }
  }
  return figures;
}

/**
 * One report statement in a transaction of its own, with settings of its own (`set_config(…, true)` lasts until the
 * transaction ends). Each runs on its own connection, side by side with the other two, so:
 * - JIT compilation off: at these sizes PostgreSQL spends hundreds of milliseconds compiling what then runs in less;
 * - enough memory to sort and group a quarter's events without spilling to disk;
 * - no parallel workers: the three statements already keep three cores busy, and a parallel plan's workers only
 *   competed with them (a grouped report at a million tickets: 0.50 s → 0.39 s on two cores, docs/reports.md).
 */
async function reportRows<Row>(db: Database, statement: SQL): Promise<Row[]> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    );
    return selectRows<Row>(tx, statement);
  });
}

const hasFilters = (query: ReportSummaryQuery) =>
  [query.category, query.roleContext, query.locale, query.channel].some((filter) => filter !== undefined);

/**
 * How many, median and 90th percentile of the input columns `<prefix>first_reply` and `<prefix>resolution` (hours,
 * null when not reached), as `<prefix>first_reply_count`, `<prefix>first_reply_median`, … (`CohortRow`).
 */
function durationAggregates(prefix: "" | "business_"): SQL {
  return sql.join(
    ["first_reply", "resolution"].map((name) => {
      const column = sql.raw(`${prefix}${name}`);
      return sql`count(${column})::int as ${sql.raw(`${prefix}${name}_count`)},
      percentile_cont(0.5) within group (order by ${column}) as ${sql.raw(`${prefix}${name}_median`)},
      percentile_cont(0.9) within group (order by ${column}) as ${sql.raw(`${prefix}${name}_p90`)}`;
    }),
    sql`,\n      `,
  );
}

/** The tickets created in the range that match the filters, as a condition on `t`. */
function cohortOf(query: ReportSummaryQuery, filters: SQL): SQL {
  const { start, end } = rangeBounds(query);
  return sql`t.created_at >= ${start} and t.created_at < ${end} and ${filters}`;
}

/**
 * Per ticket created in the range: its reply and resolution times in calendar and business hours, service levels,
 * rating and reopening. The business hours are the ticket's own, counted by the business-hours job, unless the job has
 * not counted them with the calendar in force: those tickets' are counted here, in rows of their own that carry
 * nothing else (`recounted`), found through the job's own indexes (a handful, unless the calendar has just changed).
 */
function cohortQuery(grouping: Grouping, query: ReportSummaryQuery, calendar: BusinessCalendar, filters: SQL): SQL {
  const firstReplyBreached = sql`'first_reply' = any(sla_breaches)`;
  const resolutionBreached = sql`'resolution' = any(sla_breaches)`;
  const firstReplyMeasured = sql`(first_replied_at is not null or ${firstReplyBreached})`;
  const resolutionMeasured = sql`(first_resolved_at is not null or ${resolutionBreached})`;
  const fingerprint = calendarFingerprint(calendar);
  const stored = sql`(${needsCounting(fingerprint)}) is not true`;
  const hours = ticketBusinessHours(calendar);
  return sql`
    with ${businessDays(calendar, sql`${query.from}`, sql`${query.to}`)}
    select ${grouping.select},
      count(*) filter (where not recounted)::int as created,
      ${durationAggregates("")},
      ${durationAggregates("business_")},
      count(*) filter (where ${firstReplyMeasured})::int as first_reply_measured,
      count(*) filter (where ${firstReplyMeasured} and not ${firstReplyBreached})::int as first_reply_met,
      count(*) filter (where ${resolutionMeasured})::int as resolution_measured,
      count(*) filter (where ${resolutionMeasured} and not ${resolutionBreached})::int as resolution_met,
      count(satisfaction_rating)::int as rated,
      avg(satisfaction_rating)::float8 as average_rating,
      ${sql.join(
        [1, 2, 3, 4, 5].map((rating) => sql`count(*) filter (where satisfaction_rating = ${sql.raw(String(rating))})::int as ${sql.raw(`rated_${rating}`)}`),
        sql`, `,
      )},
      count(*) filter (where ever_resolved)::int as resolved,
      count(*) filter (where ever_reopened)::int as reopened
    from (
      select ${keyColumn(grouping)} as key, false as recounted, t.first_replied_at, t.sla_breaches, t.satisfaction_rating,
        t.first_resolved_at, t.ever_resolved, t.ever_reopened,
        ${hoursBetween(sql`t.created_at`, sql`t.first_replied_at`)} as first_reply,
        ${hoursBetween(sql`t.created_at`, sql`t.first_resolved_at`)} as resolution,
        case when ${stored} then t.first_reply_business_hours end as business_first_reply,
        case when ${stored} then t.resolution_business_hours end as business_resolution
      from tickets t
      where ${cohortOf(query, filters)}
      union all
      select ${keyColumn(grouping)}, true, null, null, null, null, null, null, null, null, ${hours.firstReply}, ${hours.resolution}
      from (${ticketsNeedingCounting(fingerprint)}) uncounted
        join tickets t on t.id = uncounted.id ${hours.joins}
      where ${cohortOf(query, filters)}
    ) cohort
    ${grouping.groupBy()}`;
}

/**
 * The status changes since the range began, per key, local day and status: each `created` or `status_changed` event
 * adds one to the status it enters and takes one from the status it leaves (`closed` counts only as entered: the
 * closings). Days after the range count too: with the backlog now (`day` null), they give the backlog at its start.
 * So the history read is the range's and later activity, through the index of events by time.
 */
function statusChangesQuery(grouping: Grouping, query: ReportSummaryQuery, filters: SQL): SQL {
  const { start } = rangeBounds(query);
  // Every move changes the ticket's updated_at, so the tickets with events since the start are those updated since.
  // Over every ticket, each day's events are one range of the index of events by time; grouped or filtered, the events
  // join their tickets first, and a range join per day would no longer drive the plan: those convert each instant.
  const events = !grouping.key && !hasFilters(query)
    ? sql`from range_days d join ticket_events e on e.created_at >= d.starts and e.created_at < d.ends`
    : sql`from ticket_events e cross join lateral (select ${localDate(sql`e.created_at`)} as day) d
        join tickets t on t.id = e.ticket_id and t.updated_at >= ${start} and ${filters}`;
  const backlogStatuses = sql`values ('open'), ('in_progress'), ('resolved')`;
  // Without groups, one count per status reads the index of tickets by status; grouped, one pass groups them by key.
  const backlogNow = grouping.key
    ? sql`select ${grouping.select}, null as day, status, count(*)::int as count
      from (
        select ${keyColumn(grouping)} as key, t.status::text as status
        from tickets t where t.status in ('open', 'in_progress', 'resolved') and ${filters}
      ) backlog
      ${grouping.groupBy("status")}`
    : sql`select ${grouping.select}, null as day, s.status,
        (select count(*)::int from tickets t where t.status = s.status::ticket_status and ${filters}) as count
      from (${backlogStatuses}) as s(status)`;
  return sql`
    with ${rangeDays(query.from, sql`greatest(${query.to}::date, ${localToday}) + 1`, true)}
    select ${grouping.select}, to_char(day, 'YYYY-MM-DD') as day, status, sum(count)::int as count
      from (
        select moves.key, moves.day, v.status, moves.count * v.change as count
        from (
          select ${keyColumn(grouping)} as key, d.day, e.from_value, e.to_value, count(*) as count
          ${events}
          where e.type in ('created', 'status_changed') and e.created_at >= ${start}
          group by 1, 2, 3, 4
        ) moves
        cross join lateral (values (moves.to_value, 1), (moves.from_value, -1)) as v(status, change)
        where v.status in ('open', 'in_progress', 'resolved') or (v.status = 'closed' and v.change = 1)
      ) changes
      ${grouping.groupBy("day", "status")}
    union all
    ${backlogNow}`;
}

function cohortFigures(row: CohortRow): Omit<ReportFigures, "days"> {
  return {
    created: row.created,
    firstReplyHours: durationFigures(row.first_reply_count, row.first_reply_median, row.first_reply_p90),
    resolutionHours: durationFigures(row.resolution_count, row.resolution_median, row.resolution_p90),
    firstReplyBusinessHours: durationFigures(row.business_first_reply_count, row.business_first_reply_median, row.business_first_reply_p90),
    resolutionBusinessHours: durationFigures(row.business_resolution_count, row.business_resolution_median, row.business_resolution_p90),
    serviceLevels: {
      firstReply: { measured: row.first_reply_measured, met: row.first_reply_met, rate: ratio(row.first_reply_met, row.first_reply_measured) },
      resolution: { measured: row.resolution_measured, met: row.resolution_met, rate: ratio(row.resolution_met, row.resolution_measured) },
    },
    satisfaction: {
      count: row.rated,
      average: rounded(row.average_rating, 2),
      distribution: { 1: row.rated_1, 2: row.rated_2, 3: row.rated_3, 4: row.rated_4, 5: row.rated_5 },
    },
    reopens: { resolved: row.resolved, reopened: row.reopened, rate: ratio(row.reopened, row.resolved) },
  };
}

function durationFigures(count: number, median: number | null, p90: number | null): ReportFigures["firstReplyHours"] {
  return { count, median: rounded(median, 2), p90: rounded(p90, 2) };
}

function emptyFigures(days: string[]): ReportFigures {
  return {
    created: 0,
    days: days.map((date) => ({ date, created: 0, closed: 0, backlog: { open: 0, in_progress: 0, resolved: 0 } })),
    firstReplyHours: { count: 0, median: null, p90: null },
    resolutionHours: { count: 0, median: null, p90: null },
    firstReplyBusinessHours: { count: 0, median: null, p90: null },
    resolutionBusinessHours: { count: 0, median: null, p90: null },
    serviceLevels: { firstReply: { measured: 0, met: 0, rate: null }, resolution: { measured: 0, met: 0, rate: null } },
    satisfaction: { count: 0, average: null, distribution: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    reopens: { resolved: 0, reopened: 0, rate: null },
  };
}

/** Every date from `from` to `to`, inclusive. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${from}T00:00:00Z`); day <= new Date(`${to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    days.push(day.toISOString().slice(0, 10));
  }
  return days;
}

function rounded(value: number | null, decimals: number): number | null {
  return value === null ? null : Number(value.toFixed(decimals));
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : rounded(part / whole, 4);
}
