import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/db";
import { outboxMessages } from "@/db/schema";
import { trackingUrl } from "@/lib/auth/tracking";
import { env } from "@/lib/env";
import { composeTicketEmail, type NoticeTicket } from "./compose-ticket-email";

type Notice = { kind: "ticket_created" } | { kind: "status_changed"; from: NoticeTicket["status"] };

/**
 * Writes the requester's email about a ticket change into the outbox, inside the transaction of that
 * change: it is sent (by the outbox worker) exactly when the change commits, and never when it rolls back.
 */
export async function enqueueTicketEmail(
  tx: Transaction,
  ticket: NoticeTicket & { email: string },
  notice: Notice,
): Promise<void> {
  const email = composeTicketEmail({ ...notice, ticket, trackingUrl: trackingUrl(ticket.id) });
  await tx.insert(outboxMessages).values({
    messageId: `<${randomUUID()}@${new URL(env.APP_URL).hostname}>`,
    ticketId: ticket.id,
    kind: notice.kind,
    recipientName: ticket.fullName,
    recipientEmail: ticket.email,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
  });
}
