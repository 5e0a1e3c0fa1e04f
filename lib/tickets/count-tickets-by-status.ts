import "server-only";
import { count } from "drizzle-orm";
import { getDb } from "@/db";
import { tickets } from "@/db/schema";
import type { TicketCounts } from "./schemas";
import { TICKET_STATUSES } from "./workflow";

/** How many tickets are in each status (zero included), for the queue's tabs. */
export async function countTicketsByStatus(): Promise<TicketCounts> {
  const db = await getDb();
  const rows = await db.select({ status: tickets.status, total: count() }).from(tickets).groupBy(tickets.status);
  const counts = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as TicketCounts;
  for (const row of rows) counts[row.status] = row.total;
  return counts;
}
