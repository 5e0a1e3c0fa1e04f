import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db";
import { selectRows } from "@/db/select-rows";
import { getServiceLevels } from "@/lib/sla/service-levels";
import { businessDays, hoursBetween, rangeBounds, ticketBusinessHours, ticketFilters } from "./report-sql";
import { REPORT_CSV_COLUMNS, type ReportTicketsQuery } from "./schemas";

/** Rows read per query: the export streams a million tickets in steps this size, never holding them all. */
const BATCH = 1000;

type CsvRow = Record<(typeof REPORT_CSV_COLUMNS)[number], string | number | null>;

/**
 * The tickets created in the range that match the filters, one CSV line each (RFC 4180, CRLF), by id. Read in
 * id order a batch at a time, so memory stays flat and a slow reader only slows the reads.
 */
export function exportTicketsCsv(query: ReportTicketsQuery): ReadableStream<Uint8Array> {
  const { start, end } = rangeBounds(query);
  const filters = ticketFilters(query);
  const encoder = new TextEncoder();
  let after = 0;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine(REPORT_CSV_COLUMNS)));
        return;
      }
      const db = await getDb();
      const { calendar } = await getServiceLevels(db);
      const hours = ticketBusinessHours(calendar);
      const rows = await selectRows<CsvRow & { id: number }>(
        db,
        sql`with ${businessDays(calendar, sql`${query.from}`, sql`${query.to}`)}
          select t.id, to_char(t.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "createdAt",
            t.status, t.category, t.role_context as "roleContext", t.locale, t.channel, t.priority,
            round(${hoursBetween(sql`t.created_at`, sql`t.first_replied_at`)}::numeric, 2)::float8 as "firstReplyHours",
            round(${hoursBetween(sql`t.created_at`, sql`t.first_resolved_at`)}::numeric, 2)::float8 as "resolutionHours",
            array_to_string(t.sla_breaches, ' ') as breached, t.satisfaction_rating as rating,
            round(${hours.firstReply}::numeric, 2)::float8 as "firstReplyBusinessHours",
            round(${hours.resolution}::numeric, 2)::float8 as "resolutionBusinessHours"
          from tickets t ${hours.joins}
          where t.created_at >= ${start} and t.created_at < ${end} and ${filters} and t.id > ${after}
          order by t.id limit ${BATCH}`,
      );
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map((row) => csvLine(REPORT_CSV_COLUMNS.map((column) => row[column]))).join("")));
      if (rows.length < BATCH) controller.close();
      else after = rows.at(-1)!.id;
    },
  });
}

function csvLine(cells: ReadonlyArray<string | number | null>): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // A text cell a spreadsheet would run as a formula (a category named "=HYPERLINK(…)") is kept as text.
  const safe = typeof value === "string" && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
