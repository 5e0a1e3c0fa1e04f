import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, count, eq, gt, sql, type SQLWrapper } from "drizzle-orm";
import type { Transaction } from "@/db";
import { executeTogether } from "@/db/execute-together";
import { outboxMessages, ticketEvents, tickets } from "@/db/schema";
import { env } from "@/lib/env";
import type { Locale } from "@/lib/i18n/locales";
import { categoryLabel } from "@/lib/tickets/categories";
import type { Message } from "@/lib/tickets/message-schemas";
import { composeTicketEmail, type NoticeTicket, type TicketNotice } from "./compose-ticket-email";

type Notice =
  | { kind: "ticket_created"; follows?: number }
  | { kind: "status_changed"; from: NoticeTicket["status"] }
  | { kind: "staff_reply"; message: Message; from?: NoticeTicket["status"] }
  | { kind: "resolution_reminder" };

type EmailTicket = Omit<NoticeTicket, "categoryLabel"> & { category: string; email: string; locale: Locale; replyToken: string };

// Any fixed number: the first key of the advisory lock that serialises confirmations to one address.
const CONFIRMATION_LOCK_SPACE = 727_002;

/**
 * Writes the requester's email about a ticket change into the outbox, inside the transaction of that
 * change: it is sent (by the outbox worker) exactly when the change commits, and never when it rolls back.
 * A confirmation over its address's hourly budget is written already failed, with the reason, and not sent.
 */
export async function enqueueTicketEmail(tx: Transaction, ticket: EmailTicket, notice: Notice, answers?: string): Promise<void> {
  await executeTogether(tx, historyWithEmail(tx, [], await ticketEmailWrites(tx, ticket, notice, answers)));
}

/** What queues one email: its outbox row, and the history row saying it was not sent (over budget). */
export interface TicketEmailWrites {
  outbox: SQLWrapper;
  history: HistoryRow[];
}

type HistoryRow = typeof ticketEvents.$inferInsert;

/**
 * A change's history rows and its email, if any, as writes for executeTogether: one INSERT for all the history
 * rows, so they keep their order (the email's own row last), and the outbox row beside it.
 */
export function historyWithEmail(tx: Transaction, history: readonly HistoryRow[], email?: TicketEmailWrites): SQLWrapper[] {
  const rows = [...history, ...(email?.history ?? [])];
  return [...(rows.length > 0 ? [tx.insert(ticketEvents).values(rows)] : []), ...(email ? [email.outbox] : [])];
}

/**
 * The writes that queue the requester's email about a ticket change (see enqueueTicketEmail), not yet run, so a
 * change can send them in the same statement as its history rows (executeTogether). A confirmation's budget is
 * checked here, in statements of its own: its count must see the filings that held the address's lock before.
 */
export async function ticketEmailWrites(
  tx: Transaction,
  ticket: EmailTicket,
  notice: Notice,
  /** The Message-ID this email answers when the ticket has sent none yet (the requester's email that opened it). */
  answers?: string,
): Promise<TicketEmailWrites> {
  const label = await categoryLabel(ticket.category, ticket.locale, tx);
  const noticeTicket = { ...ticket, categoryLabel: label };
  const composed: TicketNotice =
    notice.kind === "staff_reply"
      ? { kind: "staff_reply", ticket: noticeTicket, from: notice.from, reply: { authorName: notice.message.author.name, ...notice.message } }
      : { ...notice, ticket: noticeTicket };
  const email = composeTicketEmail(composed, ticket.locale);
  const skipped = notice.kind === "ticket_created" && (await confirmationBudgetSpent(tx, ticket.email));
  // Every email of a ticket answers its first one, so mail clients show them as one conversation.
  const firstEmail = tx
    .select({ messageId: outboxMessages.messageId })
    .from(outboxMessages)
    .where(eq(outboxMessages.ticketId, ticket.id))
    .orderBy(asc(outboxMessages.id))
    .limit(1);
  const outbox = tx.insert(outboxMessages).values({
    messageId: `<${randomUUID()}@${new URL(env.APP_URL).hostname}>`,
    inReplyTo: sql`coalesce((${firstEmail}), ${answers ?? null})`,
    replyTo: env.MAIL_REPLY_TO?.replace("{token}", ticket.replyToken) ?? null,
    ticketId: ticket.id,
    kind: notice.kind,
    // A confirmation goes to an address nobody has verified, so it does not carry the filer's name either.
    recipientName: notice.kind === "ticket_created" ? "" : ticket.fullName,
    recipientEmail: ticket.email,
    subject: email.subject,
    textBody: email.text,
    htmlBody: email.html,
    locale: ticket.locale,
    ...(skipped && { status: "failed" as const, lastError: skipped }),
  });
  return { outbox, history: skipped ? [{ ticketId: ticket.id, type: "notification_failed", toValue: skipped, actor: "system:email" }] : [] };
}

/**
 * Anyone can file tickets in someone else's name, so confirmations are budgeted per address
 * (CONFIRMATION_EMAILS_PER_HOUR, counting skipped ones: an address being flooded stays quiet until the
 * flood stops for an hour). Returns why this one is skipped, or false. The advisory lock (held until the
 * transaction ends) keeps concurrent filings for one address from all counting the same total.
 */
async function confirmationBudgetSpent(tx: Transaction, address: string): Promise<string | false> {
  const budget = env.CONFIRMATION_EMAILS_PER_HOUR;
  await tx.execute(sql`select pg_advisory_xact_lock(${CONFIRMATION_LOCK_SPACE}, hashtext(lower(${address})))`);
  const anHourAgo = sql`now() - interval '1 hour'`;
  const [recent] = await tx
    .select({ confirmations: count() })
    .from(outboxMessages)
    .innerJoin(tickets, eq(tickets.id, outboxMessages.ticketId))
    .where(
      and(
        // lower(email) is indexed (tickets_email_idx); the address's recent tickets are few.
        eq(sql`lower(${tickets.email})`, sql`lower(${address})`),
        gt(tickets.createdAt, anHourAgo),
        eq(outboxMessages.kind, "ticket_created"),
        gt(outboxMessages.createdAt, anHourAgo),
      ),
    );
  if ((recent?.confirmations ?? 0) < budget) return false;
  return `Not sent: this address already had ${budget} confirmation emails in the last hour (CONFIRMATION_EMAILS_PER_HOUR)`;
}
