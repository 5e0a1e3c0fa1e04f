import "server-only";
import { eq, getTableColumns, sql } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { tickets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { TicketAssignee } from "./schemas";
import { type AttachmentRow, type TicketRow, toTicket, type VersionedTicket } from "./serialize";

// Every column but the full-text vector, which only the database needs, and the ticket's attachments as
// one JSON array (a correlated subquery; a note's files are staff-only, so they are not the ticket's), so a ticket, a page of them or an UPDATE … RETURNING is one query.
const { search: _search, ...columns } = getTableColumns(tickets);
export const ticketColumns = {
  ...columns,
  // Spelled out: in a one-table query drizzle leaves columns unqualified, which would bind to attachments.
  attachments: sql<AttachmentRow[]>`(
    select coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name) order by a.id), '[]'::json)
    from attachments a where a.ticket_id = "tickets"."id"
      and not exists (select 1 from ticket_messages m where m.id = a.message_id and m.kind = 'note'))`,
  assignee: sql<TicketAssignee | null>`(
    select json_build_object('id', s.id, 'name', s.name) from staff_users s where s.id = "tickets"."assignee_id")`,
};

const MAX_TICKET_ID = 2_147_483_647;

/** A path segment as a ticket id, or null when it cannot name one (the caller answers 404). */
export function parseTicketId(segment: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= MAX_TICKET_ID ? id : null;
}

export function versionedTicket(row: TicketRow): VersionedTicket {
  return { ticket: toTicket(row), version: row.version };
}

const prepareTicketById = (db: Database) =>
  db.select(ticketColumns).from(tickets).where(eq(tickets.id, sql.placeholder("id"))).limit(1).prepare("ticket_by_id");

/**
 * The read of one ticket, built once per database: it is the API's and the pages' most frequent statement, and
 * drizzle building its SQL from the columns on every read cost about a tenth of a `GET` (docs/benchmarks.md).
 */
const ticketByIdQueries = new WeakMap<Database, ReturnType<typeof prepareTicketById>>();

export async function getTicketOrThrow(id: number): Promise<VersionedTicket> {
  const db = await getDb();
  let query = ticketByIdQueries.get(db);
  if (!query) ticketByIdQueries.set(db, (query = prepareTicketById(db)));
  const [row] = await query.execute({ id });
  if (!row) throw new AppError("not_found", `Ticket ${id} does not exist`);
  return versionedTicket(row);
}

/**
 * The ticket, locked until the transaction ends, for a change: changes to one ticket are applied one after
 * the other, each seeing the one before. 412 when the caller named a version (`If-Match`) that is no longer current.
 */
export async function lockTicketOrThrow(tx: Transaction, id: number, expectedVersion?: number): Promise<TicketRow> {
  const [current] = await tx.select(ticketColumns).from(tickets).where(eq(tickets.id, id)).for("update");
  if (!current) throw new AppError("not_found", `Ticket ${id} does not exist`);
  if (expectedVersion !== undefined && expectedVersion !== current.version) {
    throw new AppError(
      "precondition_failed",
      `Ticket ${id} has changed since you loaded it (your version ${expectedVersion}, now ${current.version}); reload it and try again`,
    );
  }
  return current;
}
