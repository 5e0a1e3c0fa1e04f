import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { tickets } from "@/db/schema";
import { validationError } from "@/lib/errors";
import { ticketColumns } from "./get-ticket";
import type { ListTicketsQuery, TicketSort } from "./schemas";
import type { TicketRow } from "./serialize";

interface CursorPosition {
  sort: TicketSort;
  at: Date;
  id: number;
}

// Opaque to clients: the sort it belongs to and the last row's sort value and id (keyset pagination).
export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, position.at.toISOString(), position.id])).toString("base64url");
}

function decodeCursor(cursor: string, sort: TicketSort): CursorPosition {
  try {
    const [cursorSort, at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (cursorSort === sort && Number.isInteger(id) && !Number.isNaN(date.getTime())) {
      return { sort, at: date, id: id as number };
    }
  } catch {
    // falls through to the validation error below
  }
  throw validationError("cursor", "This cursor is not valid for this list; start again from the first page");
}

function filters(query: ListTicketsQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.status?.length) conditions.push(inArray(tickets.status, query.status));
  if (query.priority?.length) conditions.push(inArray(tickets.priority, query.priority));
  if (query.assignee === "none") conditions.push(isNull(tickets.assigneeId));
  else if (query.assignee) conditions.push(eq(tickets.assigneeId, query.assignee));
  if (query.category) conditions.push(eq(tickets.category, query.category));
  if (query.roleContext) conditions.push(eq(tickets.roleContext, query.roleContext));
  if (query.email) conditions.push(sql`lower(${tickets.email}) = lower(${query.email})`);
  if (query.q) conditions.push(sql`${tickets.search} @@ websearch_to_tsquery('english', ${query.q})`);
  if (query.createdAfter) conditions.push(gte(tickets.createdAt, new Date(query.createdAfter)));
  if (query.createdBefore) conditions.push(lt(tickets.createdAt, new Date(query.createdBefore)));
  return conditions;
}

/** The column each sort orders by (and its cursor holds). */
const SORT_KEYS = { createdAt: "createdAt", updatedAt: "updatedAt", dueAt: "nextDueAt" } as const;
const sortKey = (sort: TicketSort) => SORT_KEYS[sort.replace("-", "") as keyof typeof SORT_KEYS];

/** The cursor of the page after `last`, the last row of this one. */
export function cursorAfter(last: TicketRow, sort: TicketSort): string {
  return encodeCursor({ sort, at: last[sortKey(sort)], id: last.id });
}

/**
 * The select behind one page of the list: the page's rows plus one, to tell whether another follows.
 * Its own module so the query-plan test EXPLAINs exactly the SQL the API runs.
 */
export function ticketPageQuery(db: Database, query: ListTicketsQuery) {
  const descending = query.sort.startsWith("-");
  const column = tickets[sortKey(query.sort)];
  const conditions = filters(query);
  if (query.cursor) {
    const after = decodeCursor(query.cursor, query.sort);
    // A row comparison lets PostgreSQL start the scan inside the (column, id) index.
    conditions.push(
      descending
        ? sql`(${column}, ${tickets.id}) < (${after.at.toISOString()}::timestamptz, ${after.id})`
        : sql`(${column}, ${tickets.id}) > (${after.at.toISOString()}::timestamptz, ${after.id})`,
    );
  }
  const order = descending ? [desc(column), desc(tickets.id)] : [asc(column), asc(tickets.id)];
  return db
    .select(ticketColumns)
    .from(tickets)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(query.limit + 1);
}
