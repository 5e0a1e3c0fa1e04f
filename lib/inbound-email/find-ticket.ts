import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db";
import { inboundEmails, outboxMessages, tickets } from "@/db/schema";
import { replyTokenOf } from "./addresses";
import type { InboundEmail } from "./read-email";
import type { ThreadingRule } from "./schemas";

export interface ThreadedTicket {
  ticket: { id: number; status: (typeof tickets.$inferSelect)["status"]; email: string };
  by: ThreadingRule;
}

const ticketFields = { id: tickets.id, status: tickets.status, email: tickets.email };
// `[#41]` as our subjects carry it, anywhere in the subject ("Re: RV: [#41] …").
const SUBJECT_TAG = /\[#(\d{1,9})\]/;

/**
 * The ticket an email answers, by the strongest evidence first (SPEC "Email both ways"): the unguessable reply token
 * in an address it was delivered to; then a Message-ID of ours (or of an earlier email of this conversation) in
 * In-Reply-To/References; then `[#id]` in the subject, believed only from the ticket's own requester, since anyone can
 * type a number. Null: the email starts a new conversation.
 */
export async function findTicket(db: Database, mail: InboundEmail): Promise<ThreadedTicket | null> {
  const tokens = mail.recipients.map(replyTokenOf).filter((token): token is string => token !== null);
  if (tokens.length > 0) {
    const [ticket] = await db.select(ticketFields).from(tickets).where(inArray(tickets.replyToken, tokens)).limit(1);
    if (ticket) return { ticket, by: "token" };
  }
  if (mail.references.length > 0) {
    const known = await db
      .select({ messageId: outboxMessages.messageId, ticketId: outboxMessages.ticketId })
      .from(outboxMessages)
      .where(inArray(outboxMessages.messageId, mail.references))
      .unionAll(
        db
          .select({ messageId: inboundEmails.messageId, ticketId: sql<number>`${inboundEmails.ticketId}` })
          .from(inboundEmails)
          .where(and(inArray(inboundEmails.messageId, mail.references), isNotNull(inboundEmails.ticketId))),
      );
    // The most recent message it answers decides (a conversation can move to a follow-up ticket).
    const ticketId = mail.references.map((id) => known.find((row) => row.messageId === id)?.ticketId).find((id) => id !== undefined);
    if (ticketId !== undefined) {
      const [ticket] = await db.select(ticketFields).from(tickets).where(eq(tickets.id, ticketId));
      if (ticket) return { ticket, by: "message-id" };
    }
  }
  const tagged = SUBJECT_TAG.exec(mail.subject)?.[1];
  if (tagged) {
    const [ticket] = await db.select(ticketFields).from(tickets).where(eq(tickets.id, Number(tagged)));
    if (ticket && ticket.email.toLowerCase() === mail.from.address) return { ticket, by: "subject" };
  }
  return null;
}
