import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { ticketEvents, ticketMessages, tickets } from "@/db/schema";
import { type Actor, actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { enqueueTicketEmail } from "@/lib/notifications/enqueue-ticket-email";
import { getServiceLevels } from "@/lib/sla/service-levels";
import { slaColumns } from "@/lib/sla/ticket-clocks";
import { announceChange } from "@/lib/webhooks/enqueue";
import { lockTicketOrThrow, ticketColumns, versionedTicket } from "./get-ticket";
import type { ResolutionInput } from "./message-schemas";
import type { VersionedTicket } from "./serialize";
import { awaitingAfterMove, statusColumns } from "./status-change";

/**
 * The requester's answer to "Is your problem solved?" on a resolved ticket: yes closes it (reason
 * `confirmed`, with the closing email and its satisfaction question); no reopens it (in progress, staff's
 * turn) with what is still wrong as their reply. Any other status is a 409 and changes nothing.
 */
export async function answerResolution(ticketId: number, answer: ResolutionInput, actor: Actor): Promise<VersionedTicket> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const current = await lockTicketOrThrow(tx, ticketId);
    if (current.status !== "resolved") {
      throw new AppError("conflict", `Ticket ${ticketId} is not resolved, so there is no resolution to confirm or reject`);
    }
    const to = answer.accepted ? "closed" : "in_progress";
    const label = actorLabel(actor);
    if (!answer.accepted) {
      await tx.insert(ticketMessages).values({
        ticketId,
        kind: "reply",
        authorType: "requester",
        authorName: current.fullName,
        body: answer.body,
        channel: "web",
      });
    }
    const [updated] = await tx
      .update(tickets)
      .set({
        ...statusColumns(current, to, "confirmed"),
        // "Not fixed" hands the turn back to staff and restarts the resolution clock.
        ...slaColumns({ ...current, status: to, awaiting: awaitingAfterMove(current, to) }, await getServiceLevels(tx), new Date()),
        ...(!answer.accepted && { lastMessageAt: sql`now()` }),
        version: sql`${tickets.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(eq(tickets.id, ticketId))
      .returning(ticketColumns);
    const at = updated!.updatedAt;
    await tx.insert(ticketEvents).values([
      { ticketId, type: answer.accepted ? "resolution_confirmed" : "resolution_rejected", actor: label, createdAt: at },
      ...(answer.accepted ? [] : [{ ticketId, type: "message_added" as const, toValue: "reply", actor: label, createdAt: at }]),
      { ticketId, type: "status_changed", fromValue: current.status, toValue: to, actor: label, createdAt: at },
    ]);
    if (answer.accepted) await enqueueTicketEmail(tx, updated!, { kind: "status_changed", from: current.status });
    await announceChange(tx, [updated!], answer.accepted);
    return versionedTicket(updated!);
  });
}
