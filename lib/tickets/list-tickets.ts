import "server-only";
import { getDb } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { validationError } from "@/lib/errors";
import { cursorAfter, ticketPageQuery } from "./page-query";
import type { ListTicketsQuery, TicketPage } from "./schemas";
import { toTicket } from "./serialize";

/** `assignee=me` is the signed-in agent; an API token has no "me" and names the agent by id. */
function withOwnAssignee(query: ListTicketsQuery, viewer: Actor): ListTicketsQuery {
  if (query.assignee !== "me") return query;
  if (viewer.kind !== "staff") throw validationError("assignee", "assignee=me needs a staff session; an API token names the agent by id");
  return { ...query, assignee: viewer.userId };
}

/** One page of tickets, newest first unless sorted otherwise, and the cursor of the next page if any. */
export async function listTickets(filters: ListTicketsQuery, viewer: Actor): Promise<TicketPage> {
  const db = await getDb();
  const query = withOwnAssignee(filters, viewer);
  const rows = await ticketPageQuery(db, query);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? cursorAfter(last, query.sort) : null;
  return { tickets: page.map(toTicket), nextCursor };
}
