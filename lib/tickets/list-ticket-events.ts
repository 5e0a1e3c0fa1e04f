import "server-only";
import { asc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { ticketEvents } from "@/db/schema";
import type { TicketEvent } from "./schemas";

/** A ticket's history, oldest first. */
export async function listTicketEvents(ticketId: number): Promise<TicketEvent[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: ticketEvents.id,
      type: ticketEvents.type,
      fromValue: ticketEvents.fromValue,
      toValue: ticketEvents.toValue,
      actor: ticketEvents.actor,
      createdAt: ticketEvents.createdAt,
    })
    .from(ticketEvents)
    .where(eq(ticketEvents.ticketId, ticketId))
    .orderBy(asc(ticketEvents.id));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
