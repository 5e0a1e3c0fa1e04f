import "server-only";
import { type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { env } from "@/lib/env";
import type { ReportGroup, ReportTicketsQuery } from "./schemas";

// SQL pieces every report query shares. They read `tickets t`: the queries name the table so.

/** How a ticket came in: the channel of its first message (the requester's own, written with the ticket). */
export const ticketChannel = sql`(select m.channel::text from ticket_messages m where m.ticket_id = t.id order by m.id limit 1)`;

export const GROUP_COLUMNS: Record<ReportGroup, SQL> = {
  category: sql`t.category`,
  roleContext: sql`t.role_context::text`,
  locale: sql`t.locale::text`,
  channel: ticketChannel,
};

/** The range's bounds as instants: from the start of `from` to the start of the day after `to`, in DEFAULT_TIME_ZONE. */
export function rangeBounds({ from, to }: { from: string; to: string }): { start: SQL; end: SQL } {
  return {
    start: sql`(${from}::date::timestamp at time zone ${env.DEFAULT_TIME_ZONE})`,
    end: sql`((${to}::date + 1)::timestamp at time zone ${env.DEFAULT_TIME_ZONE})`,
  };
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in DEFAULT_TIME_ZONE. */
export function localDay(instant: SQL): SQL {
  return sql`to_char((${instant}) at time zone ${env.DEFAULT_TIME_ZONE}, 'YYYY-MM-DD')`;
}

/** The filters other than the range, as a condition on `t` (true when none is given). */
export function ticketFilters(query: Omit<ReportTicketsQuery, "from" | "to">): SQL {
  const conditions = [
    query.category !== undefined && sql`t.category = ${query.category}`,
    query.roleContext !== undefined && sql`t.role_context::text = ${query.roleContext}`,
    query.locale !== undefined && sql`t.locale::text = ${query.locale}`,
    query.channel !== undefined && sql`${ticketChannel} = ${query.channel}`,
  ].filter((condition): condition is SQL => condition !== false);
  return conditions.length ? sql.join(conditions, sql` and `) : sql`true`;
}

/**
 * A ticket's status history, per ticket (`left join lateral … h on true`): when it first became resolved or closed by a
 * move, whether it was ever resolved, and whether it was ever reopened (resolved → in_progress).
 */
export const statusHistory = sql`
  left join lateral (
    select
      min(e.created_at) filter (where e.type = 'status_changed' and e.to_value in ('resolved', 'closed')) as first_resolved_at,
      coalesce(bool_or(e.to_value = 'resolved'), false) as ever_resolved,
      coalesce(bool_or(e.from_value = 'resolved' and e.to_value = 'in_progress'), false) as reopened
    from ticket_events e
    where e.ticket_id = t.id and e.type in ('created', 'status_changed')
  ) h on true`;

/** Hours between two instants, as a float the percentiles take. */
export function hoursBetween(start: SQL, end: SQL): SQL {
  return sql`(extract(epoch from (${end}) - (${start})) / 3600)::float8`;
}

/** Rows of a raw statement: postgres.js answers an array, PGlite an object with `rows`. */
export async function selectRows<Row>(db: Database, statement: SQL): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}
