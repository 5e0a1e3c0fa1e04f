import "server-only";
import { type SQL, sql } from "drizzle-orm";
import { env } from "@/lib/env";
import type { BusinessCalendar } from "@/lib/sla/business-time";
import type { ReportGroup, ReportTicketsQuery } from "./schemas";

// SQL pieces every report query shares. They read `tickets t`: the queries name the table so.

export const GROUP_COLUMNS: Record<ReportGroup, SQL> = {
  category: sql`t.category`,
  roleContext: sql`t.role_context::text`,
  locale: sql`t.locale::text`,
  channel: sql`t.channel::text`,
};

/** The range's bounds as instants: from the start of `from` to the start of the day after `to`, in DEFAULT_TIME_ZONE. */
export function rangeBounds({ from, to }: { from: string; to: string }): { start: SQL; end: SQL } {
  return {
    start: sql`(${from}::date::timestamp at time zone ${env.DEFAULT_TIME_ZONE})`,
    end: sql`((${to}::date + 1)::timestamp at time zone ${env.DEFAULT_TIME_ZONE})`,
  };
}

/**
 * The local days (DEFAULT_TIME_ZONE) from `from` through `through`, as a `with` item `range_days (day, starts, ends)`:
 * each day with its bounds as instants. Rows joined to it by their instant (`>= starts and < ends`) find their day
 * through an index on that instant, one range a day, instead of converting each instant to local time: over a
 * quarter's 120,000 tickets the conversions were most of the time. With `openEnded`, the last day also takes every
 * later instant.
 */
export function rangeDays(from: string, through: SQL, openEnded = false): SQL {
  const zone = env.DEFAULT_TIME_ZONE;
  const last = sql`(${through})::timestamp`;
  return sql`range_days as (
    select d.day::date as day, d.day at time zone ${zone} as starts,
      case when ${openEnded} and d.day = ${last} then 'infinity'::timestamptz else (d.day + interval '1 day') at time zone ${zone} end as ends
    from generate_series(${from}::date::timestamp, ${last}, interval '1 day') as d(day))`;
}

/** Today's date in DEFAULT_TIME_ZONE. */
export const localToday = sql`(now() at time zone ${env.DEFAULT_TIME_ZONE})::date`;

/** The calendar day (a `date`) an instant falls on in DEFAULT_TIME_ZONE: cheaper to group by than its text. */
export function localDate(instant: SQL): SQL {
  return sql`((${instant}) at time zone ${env.DEFAULT_TIME_ZONE})::date`;
}

/** The filters other than the range, as a condition on `t` (true when none is given). */
export function ticketFilters(query: Omit<ReportTicketsQuery, "from" | "to">): SQL {
  const conditions = [
    query.category !== undefined && sql`t.category = ${query.category}`,
    query.roleContext !== undefined && sql`t.role_context::text = ${query.roleContext}`,
    query.locale !== undefined && sql`t.locale::text = ${query.locale}`,
    query.channel !== undefined && sql`t.channel::text = ${query.channel}`,
  ].filter((condition): condition is SQL => condition !== false);
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/**
 * Hours between two instants, as a float the percentiles take. `date_part` rather than `extract`, here and below: since
 * PostgreSQL 14 `extract` answers a numeric, whose arithmetic cost a fifth of the report's time over 120,000 tickets.
 */
export function hoursBetween(start: SQL, end: SQL): SQL {
  return sql`(date_part('epoch', (${end}) - (${start})) / 3600)`;
}

/**
 * The business calendar as a table, `business_days`: one row per local day (in the calendar's time zone) from a little
 * before the date `from` to a day after today or the date `to`, with the business seconds before that day began
 * (`before`) and the day's working intervals as instants (`starts`, `ends`). A `with` clause item; the working
 * intervals come from the same schedule, holidays and time zone the service-level clocks use
 * (lib/sla/business-time.ts counts the same way).
 */
export function businessDays(calendar: BusinessCalendar, from: SQL, to: SQL): SQL {
  const hours = Object.entries(calendar.week).flatMap(([weekday, ranges]) =>
    (ranges ?? []).map(([start, end]) => sql`(${Number(weekday)}::int, ${start}::int, ${end}::int)`),
  );
  const zone = calendar.timeZone;
  return sql`business_days as (
    select d.day::date as day,
      coalesce(sum(sum(date_part('epoch', w.ends - w.starts))) over (order by d.day rows between unbounded preceding and 1 preceding), 0)::float8 as before,
      array_agg(w.starts order by w.starts) filter (where w.starts is not null) as starts,
      array_agg(w.ends order by w.starts) filter (where w.starts is not null) as ends
    from generate_series(((${from})::date - 2)::timestamp, (greatest((${to})::date, (now() at time zone ${zone})::date) + 1)::timestamp, interval '1 day') as d(day)
    left join lateral (
      select (d.day + make_interval(mins => h.start_minute)) at time zone ${zone} as starts,
        (d.day + make_interval(mins => h.end_minute)) at time zone ${zone} as ends
      from (values ${sql.join(hours, sql`, `)}) as h(weekday, start_minute, end_minute)
      where h.weekday = extract(isodow from d.day) and to_char(d.day, 'YYYY-MM-DD') <> all(string_to_array(${calendar.holidays.join(",")}, ','))
    ) w on true
    group by d.day)`;
}

/** The most working intervals any day of the calendar has: how many terms `businessHoursBetween` adds up. */
const intervalsPerDay = (calendar: BusinessCalendar) => Math.max(1, ...Object.values(calendar.week).map((ranges) => ranges?.length ?? 0));

/**
 * Business hours between two instants, from `business_days` rows joined on each instant's local day (`startDay`,
 * `endDay`: their aliases, see `businessDayOf`): the business seconds before each day plus those worked that day up to
 * the instant. Null when either instant is; 0 when `end` is not after `start`.
 */
function businessHoursBetween(calendar: BusinessCalendar, start: SQL, startDay: string, end: SQL, endDay: string): SQL {
  const secondsAt = (instant: SQL, dayAlias: string) => {
    const day = sql.raw(dayAlias);
    const worked = Array.from({ length: intervalsPerDay(calendar) }, (_, index) => {
      const k = sql.raw(String(index + 1));
      // Past the day's last interval the array gives null, which least() skips and the subtraction turns to null: 0.
      return sql`coalesce(greatest(0, date_part('epoch', least(${instant}, ${day}.ends[${k}]) - ${day}.starts[${k}])), 0)`;
    });
    return sql`(${day}.before + ${sql.join(worked, sql` + `)})`;
  };
  // greatest() skips nulls, so an instant not reached yet is tested first.
  return sql`(case when ${end} is not null and ${start} is not null then greatest(0, ${secondsAt(end, endDay)} - ${secondsAt(start, startDay)}) / 3600 end)::float8`;
}

/** Joins the `business_days` row of an instant's local day as `alias` (no row when the instant is null). */
function businessDayOf(calendar: BusinessCalendar, instant: SQL, alias: string): SQL {
  return sql`left join business_days ${sql.raw(alias)} on ${sql.raw(alias)}.day = ((${instant}) at time zone ${calendar.timeZone})::date`;
}

/**
 * A ticket `t`'s first-reply and resolution times in business hours (null while not reached), and the joins to
 * `business_days` they read, to follow the `from` item that names `t`.
 */
export function ticketBusinessHours(calendar: BusinessCalendar): { firstReply: SQL; resolution: SQL; joins: SQL } {
  return {
    firstReply: businessHoursBetween(calendar, sql`t.created_at`, "bc", sql`t.first_replied_at`, "br"),
    resolution: businessHoursBetween(calendar, sql`t.created_at`, "bc", sql`t.first_resolved_at`, "bs"),
    joins: sql.join(
      [
        businessDayOf(calendar, sql`t.created_at`, "bc"),
        businessDayOf(calendar, sql`t.first_replied_at`, "br"),
        businessDayOf(calendar, sql`t.first_resolved_at`, "bs"),
      ],
      sql` `,
    ),
  };
}
