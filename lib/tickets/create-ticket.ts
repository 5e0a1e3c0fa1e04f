import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db";
import { executeTogether } from "@/db/execute-together";
import { ticketMessages, tickets } from "@/db/schema";
import { type Actor, actorLabel } from "@/lib/auth/actor";
import { validationError } from "@/lib/errors";
import { env } from "@/lib/env";
import { historyWithEmail, ticketEmailWrites } from "@/lib/notifications/enqueue-ticket-email";
import { getServiceLevels } from "@/lib/sla/service-levels";
import { slaColumns } from "@/lib/sla/ticket-clocks";
import { ROUND_ROBIN_ACTOR, roundRobinAgent } from "./auto-assign";
import { assertActiveCategory } from "./categories";
import { ticketColumns } from "./get-ticket";
import type { MessageChannel } from "./message-schemas";
import type { CreateTicketInput } from "./schemas";
import { toTicket, type VersionedTicket } from "./serialize";

/** Where a ticket filed now came from, when not from the form or the API. */
export interface TicketOrigin {
  /** Default: `api` for API tokens, `web` otherwise. */
  channel?: MessageChannel;
  /** The closed ticket this one follows (an email answering it): a system note says so and the confirmation tells the requester. */
  follows?: number;
  /** The requester's own Message-ID, so the confirmation threads under the email that opened the ticket. */
  confirmationInReplyTo?: string;
}

/**
 * Writes a new ticket, its creation in the history and the requester's confirmation email, in the
 * caller's transaction (fileTicket's, which adds the attachments). Requesters always open a ticket now;
 * API clients may import one with its status and dates (such an import is history, so its requester
 * gets no confirmation).
 *
 * The requester's message is also written as the conversation's first message. It is stored twice, but a
 * ticket's message never changes, so the two cannot drift; in return the conversation is one table read
 * in order, and the files sent with the ticket belong to that first message like any message's files.
 */
export async function createTicket(
  tx: Transaction,
  input: CreateTicketInput,
  actor: Actor,
  origin: TicketOrigin = {},
): Promise<VersionedTicket & { firstMessageId: number }> {
  const mayImport = actor.kind === "token";
  if (!mayImport && input.status !== undefined && input.status !== "open") {
    throw validationError("status", "New tickets start as open; only API clients can import a ticket in another status");
  }
  const status = mayImport ? (input.status ?? "open") : "open";
  const createdAt = mayImport && input.createdAt ? new Date(input.createdAt) : undefined;
  const updatedAt = mayImport && input.updatedAt ? new Date(input.updatedAt) : createdAt;
  if (createdAt && updatedAt && updatedAt < createdAt) {
    throw validationError("updatedAt", "updatedAt cannot be earlier than createdAt");
  }

  await assertActiveCategory(input.category, tx);
  const awaiting = status === "closed" ? null : status === "resolved" ? "requester" : "staff";
  const filedAt = createdAt ?? new Date();
  const clocks = slaColumns(
    { priority: "normal", status, awaiting, createdAt: filedAt, firstRepliedAt: null, slaUsedMinutes: 0, slaClockSince: null },
    await getServiceLevels(tx),
    filedAt,
  );
  // A ticket someone files now may go to an available agent (chosen in the same statement) and is confirmed by email;
  // an import is history and keeps its own state.
  const filedNow = status === "open" && !createdAt;
  const roundRobin = filedNow ? roundRobinAgent(tx) : undefined;
  const channel = origin.channel ?? (actor.kind === "token" ? "api" : "web");
  const [row] = await (roundRobin ? tx.with(roundRobin) : tx)
    .insert(tickets)
    .values({
      roleContext: input.roleContext,
      fullName: input.fullName,
      email: input.email,
      subject: input.subject,
      category: input.category,
      message: input.message,
      locale: input.locale ?? env.DEFAULT_LOCALE,
      channel,
      status,
      assigneeId: roundRobin && sql`(select ${roundRobin.id} from ${roundRobin})`,
      awaiting,
      resolvedAt: status === "resolved" ? (updatedAt ?? new Date()) : undefined,
      createdAt,
      updatedAt,
      lastMessageAt: createdAt,
      ...clocks,
    })
    .returning(ticketColumns);
  const ticket = row!;
  const assignee = ticket.assignee;
  const email = filedNow
    ? await ticketEmailWrites(tx, ticket, { kind: "ticket_created", follows: origin.follows }, origin.confirmationInReplyTo)
    : undefined;
  const history = [
    { ticketId: ticket.id, type: "created" as const, toValue: ticket.status, actor: actorLabel(actor), createdAt: ticket.createdAt },
    ...(assignee ? [{ ticketId: ticket.id, type: "assignee_changed" as const, toValue: assignee.name, actor: ROUND_ROBIN_ACTOR, createdAt: ticket.createdAt }] : []),
  ];
  // The history, the confirmation email and the conversation in one statement; the requester's message is the
  // first row of its INSERT, so it comes before the system note and its id is the first returned.
  const [first] = await executeTogether(tx, [
    ...historyWithEmail(tx, history, email),
    tx
      .insert(ticketMessages)
      .values([
        { ticketId: ticket.id, kind: "reply", authorType: "requester", authorName: ticket.fullName, body: ticket.message, channel, createdAt: ticket.createdAt },
        ...(origin.follows === undefined
          ? []
          : [
              {
                ticketId: ticket.id,
                kind: "note" as const,
                authorType: "system" as const,
                authorName: "Kinconecta Support",
                body: `Follows #${origin.follows}, which was closed when this email answered it.`,
                channel: origin.channel ?? "web",
                createdAt: ticket.createdAt,
              },
            ]),
      ])
      .returning({ id: ticketMessages.id }),
  ]);
  return { ticket: toTicket(ticket), version: ticket.version, firstMessageId: Number(first!.id) };
}
