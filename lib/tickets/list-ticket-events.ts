import "server-only";
import { and, asc, eq, isNull, ne, notInArray, or } from "drizzle-orm";
import { getDb } from "@/db";
import { ticketEvents } from "@/db/schema";
import { type Actor, seesInternals } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { TicketEvent } from "./schemas";

/**
 * Who did something, as a viewer may see it. Staff and API clients see the recorded actor
 * ("staff:<email>", "token:<name>", …); a requester sees only "requester", "staff" or "system",
 * never a staff member's address or an integration's name.
 */
export function visibleActor(recorded: string, viewer: Actor): string {
  if (viewer.kind === "staff" || viewer.kind === "token") return recorded;
  if (recorded === "requester") return "requester";
  return recorded.startsWith("staff:") ? "staff" : "system";
}

/**
 * A ticket's history, oldest first, as `viewer` may see it (a requester's without the notes and without priority,
 * assignee and service-level entries, which are staff's triage); 404 when the ticket does not exist.
 */
export async function listTicketEvents(ticketId: number, viewer: Actor): Promise<TicketEvent[]> {
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
    .where(
      and(
        eq(ticketEvents.ticketId, ticketId),
        ...(seesInternals(viewer)
          ? []
          : [
              or(ne(ticketEvents.type, "message_added"), ne(ticketEvents.toValue, "note"), isNull(ticketEvents.toValue)),
              notInArray(ticketEvents.type, ["priority_changed", "assignee_changed", "sla_breached"]),
            ]),
      ),
    )
    .orderBy(asc(ticketEvents.id));
  // Every ticket has at least its "created" entry, so no rows means no ticket.
  if (rows.length === 0) throw new AppError("not_found", `Ticket ${ticketId} does not exist`);
  return rows.map((row) => ({ ...row, actor: visibleActor(row.actor, viewer), createdAt: row.createdAt.toISOString() }));
}
