import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { ticketEvents, tickets } from "@/db/schema";
import { type Actor, actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { lockTicketOrThrow, ticketColumns, versionedTicket } from "./get-ticket";
import type { SatisfactionInput } from "./message-schemas";
import type { VersionedTicket } from "./serialize";

/** The requester's one rating of a closed ticket (1–5, an optional comment); a second one, or one before closing, is a 409. */
export async function rateSatisfaction(ticketId: number, input: SatisfactionInput, actor: Actor): Promise<VersionedTicket> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockTicketOrThrow(tx, ticketId);
    if (current.status !== "closed") throw new AppError("conflict", `Ticket ${ticketId} is not closed yet; rate it once it is`);
    if (current.satisfactionRating !== null) throw new AppError("conflict", `Ticket ${ticketId} has already been rated`);
    const [updated] = await tx
      .update(tickets)
      .set({
        satisfactionRating: input.rating,
        satisfactionComment: input.comment ?? null,
        satisfactionAt: sql`now()`,
        version: sql`${tickets.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(tickets.id, ticketId))
      .returning(ticketColumns);
    await tx.insert(ticketEvents).values({
      ticketId,
      type: "satisfaction_rated",
      toValue: String(input.rating),
      actor: actorLabel(actor),
      createdAt: updated!.updatedAt,
    });
    return versionedTicket(updated!);
  });
}
