import "server-only";
import { getDb } from "@/db";
import { encodeCursor, ticketPageQuery } from "./page-query";
import type { ListTicketsQuery, TicketPage } from "./schemas";
import { toTicket } from "./serialize";

/** One page of tickets, newest first unless sorted otherwise, and the cursor of the next page if any. */
export async function listTickets(query: ListTicketsQuery): Promise<TicketPage> {
  const db = await getDb();
  const rows = await ticketPageQuery(db, query);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor =
    rows.length > query.limit && last
      ? encodeCursor({
          sort: query.sort,
          at: query.sort.endsWith("updatedAt") ? last.updatedAt : last.createdAt,
          id: last.id,
        })
      : null;
  return { tickets: page.map(toTicket), nextCursor };
}
