import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { tickets } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { trackingUrl } from "@/lib/auth/tracking";
import { AppError } from "@/lib/errors";
import type { IssuedTrackingLink } from "./schemas";

/**
 * Gives a ticket a new private link (when the old one was shared or leaked): bumps the ticket's link
 * version, so every earlier key stops opening it, and records who did it in the audit log, in one
 * transaction. Emails still waiting in the outbox carry the new link, as links are built when sending.
 */
export async function issueTrackingLink(ticketId: number, origin: AuditOrigin): Promise<IssuedTrackingLink> {
  const db = await getDb();
  const version = await db.transaction(async (tx) => {
    const [ticket] = await tx
      .update(tickets)
      .set({ trackingKeyVersion: sql`${tickets.trackingKeyVersion} + 1` })
      .where(eq(tickets.id, ticketId))
      .returning({ version: tickets.trackingKeyVersion });
    if (!ticket) throw new AppError("not_found", `Ticket ${ticketId} does not exist`);
    await recordAudit(tx, origin, {
      action: "ticket.tracking_link_issued",
      target: `ticket:${ticketId}`,
      detail: { trackingKeyVersion: ticket.version },
    });
    return ticket.version;
  });
  return { trackingUrl: trackingUrl(ticketId, version) };
}
