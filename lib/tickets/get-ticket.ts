import "server-only";
import { asc, eq, getTableColumns, inArray } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { attachments, tickets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { type AttachmentRow, type TicketRow, toTicket, type VersionedTicket } from "./serialize";

// Every column but the full-text vector, which only the database needs.
const { search: _search, ...ticketColumns } = getTableColumns(tickets);
export { ticketColumns };

const attachmentColumns = { id: attachments.id, ticketId: attachments.ticketId, fileName: attachments.fileName };

const MAX_TICKET_ID = 2_147_483_647;

/** A path segment as a ticket id, or null when it cannot name one (the caller answers 404). */
export function parseTicketId(segment: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(segment)) return null;
  const id = Number(segment);
  return id <= MAX_TICKET_ID ? id : null;
}

/** The attachments of many tickets in one query, grouped by ticket id. */
export async function attachmentsByTicket(
  ticketIds: readonly number[],
  executor: Database | Transaction,
): Promise<Map<number, AttachmentRow[]>> {
  const grouped = new Map<number, AttachmentRow[]>();
  if (ticketIds.length === 0) return grouped;
  const rows = await executor
    .select(attachmentColumns)
    .from(attachments)
    .where(inArray(attachments.ticketId, [...ticketIds]))
    .orderBy(asc(attachments.id));
  for (const row of rows) {
    const list = grouped.get(row.ticketId) ?? [];
    list.push(row);
    grouped.set(row.ticketId, list);
  }
  return grouped;
}

export async function versionedTicket(row: TicketRow, executor: Database | Transaction): Promise<VersionedTicket> {
  const attachmentRows = (await attachmentsByTicket([row.id], executor)).get(row.id) ?? [];
  return { ticket: toTicket(row, attachmentRows), version: row.version };
}

export async function getTicketOrThrow(id: number, executor?: Database | Transaction): Promise<VersionedTicket> {
  const db = executor ?? (await getDb());
  const [row] = await db.select(ticketColumns).from(tickets).where(eq(tickets.id, id)).limit(1);
  if (!row) throw new AppError("not_found", `Ticket ${id} does not exist`);
  return versionedTicket(row, db);
}
