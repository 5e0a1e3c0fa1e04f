import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { alongside } from "@/db/execute-together";
import { staffUsers, ticketMessages, tickets } from "@/db/schema";
import { inspectFiles } from "@/lib/attachments/inspect-files";
import { recordAttachments, withStoredFiles } from "@/lib/attachments/store-files";
import { type Actor, actorLabel, seesInternals } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { StagedFile } from "@/lib/http/multipart";
import { historyWithEmail, ticketEmailWrites } from "@/lib/notifications/enqueue-ticket-email";
import { getServiceLevels } from "@/lib/sla/service-levels";
import { slaColumns } from "@/lib/sla/ticket-clocks";
import { announceChange, enqueueWebhooks } from "@/lib/webhooks/enqueue";
import { lockTicketOrThrow, ticketColumns, versionedTicket } from "./get-ticket";
import type { AddMessageInput, Message, MessageChannel, MessageKind } from "./message-schemas";
import { toMessage } from "./list-messages";
import { toTicket, type VersionedTicket } from "./serialize";
import { assertMove, awaitingAfterMove, statusColumns } from "./status-change";
import type { TicketStatus } from "./workflow";

export interface AddMessageRequest {
  ticketId: number;
  input: AddMessageInput;
  files: readonly StagedFile[];
  actor: Actor;
  channel: MessageChannel;
  /** Shown instead of the requester's name: someone else in an email thread (a colleague copied in) writing to it. */
  authorName?: string;
  /** The ticket version the caller saw (`If-Match`), checked under the ticket's lock. */
  expectedVersion?: number;
  /** Runs in the transaction just before it commits, e.g. to save the idempotent response with the message. */
  beforeCommit?: (tx: Transaction, added: AddedMessage) => Promise<void>;
}

export interface AddedMessage {
  message: Message;
  ticket: VersionedTicket;
}

/**
 * Adds a message to a ticket's conversation, with its files, and whatever it moves: all of it or none.
 * Staff and API tokens write replies (emailed to the requester) or internal notes, and may move the ticket
 * in the same transaction ("send and resolve"). A requester writes replies only; one on a resolved ticket
 * reopens it (in progress), one on a closed ticket is refused (closed is final). The ticket row is locked
 * from the check to the commit, so a requester's reply and an agent's "send and resolve" arriving together
 * are applied one after the other: both messages kept, and the second move judged against the first's result.
 */
export async function addMessage(request: AddMessageRequest): Promise<AddedMessage> {
  const { ticketId, input, actor } = request;
  const kind: MessageKind = input.kind ?? "reply";
  if (!seesInternals(actor) && kind === "note") throw new AppError("forbidden", "Requesters can only reply; internal notes are for staff");
  if (!seesInternals(actor) && input.status !== undefined) {
    throw new AppError("forbidden", "Requesters cannot move a ticket; to close a resolved ticket, confirm the resolution");
  }
  const inspected = await inspectFiles(request.files);
  const db = await getDb();
  const author = await authorOf(actor);
  return withStoredFiles(inspected, (stored) =>
    db.transaction(async (tx) => {
      const current = await lockTicketOrThrow(tx, ticketId, request.expectedVersion);
      if (kind === "reply" && current.status === "closed") {
        throw new AppError("conflict", `Ticket ${ticketId} is closed and takes no more replies; open a new ticket and mention #${ticketId}`);
      }
      // A requester answering a resolved ticket says it is not solved after all.
      const to: TicketStatus | undefined =
        input.status ?? (actor.kind === "requester" && current.status === "resolved" ? "in_progress" : undefined);
      if (to !== undefined) assertMove(ticketId, current.status, to);

      const [row] = await tx
        .insert(ticketMessages)
        .values({ ticketId, kind, authorType: author.type, authorName: author.name ?? request.authorName ?? current.fullName, body: input.body, channel: request.channel })
        .returning();
      const files = await recordAttachments(tx, ticketId, stored, actor, { messageId: row!.id, history: kind === "reply" });
      const message = toMessage({ ...row!, attachments: files.map(({ id, fileName }) => ({ id, fileName })), email: null }, actor);

      // Notes change neither whose turn it is nor lastMessageAt: requesters read both.
      const awaiting = kind === "reply" ? (author.type === "requester" ? "staff" : "requester") : current.awaiting;
      const now = new Date();
      // The first public staff reply stops the first-reply clock; whose turn it is starts or stops the resolution clock.
      const firstRepliedAt = current.firstRepliedAt ?? (kind === "reply" && author.type === "staff" ? now : null);
      const clocks = slaColumns(
        {
          ...current,
          status: to ?? current.status,
          awaiting: to === undefined ? awaiting : awaitingAfterMove({ status: current.status, awaiting }, to),
          firstRepliedAt,
        },
        await getServiceLevels(tx),
        now,
      );
      // The ticket's change, the history rows and the requester's email in one statement: the email is composed from
      // the ticket as this message leaves it, and the history rows take the change's time (their default, now()).
      const label = actorLabel(actor);
      const history = [
        { ticketId, type: "message_added" as const, toValue: kind, actor: label },
        ...(to !== undefined ? [{ ticketId, type: "status_changed" as const, fromValue: current.status, toValue: to, actor: label }] : []),
      ];
      const after = { ...current, status: to ?? current.status };
      const email =
        kind === "reply" && author.type === "staff"
          ? await ticketEmailWrites(tx, after, { kind: "staff_reply", message, from: to !== undefined ? current.status : undefined })
          : kind === "note" && to !== undefined
            ? await ticketEmailWrites(tx, after, { kind: "status_changed", from: current.status })
            : undefined;
      const [updated] = await tx
        .with(...alongside(tx, historyWithEmail(tx, history, email)))
        .update(tickets)
        .set({
          version: sql`${tickets.version} + 1`,
          updatedAt: sql`now()`,
          awaiting,
          ...(kind === "reply" && { lastMessageAt: sql`now()` }),
          ...(to !== undefined && statusColumns({ status: current.status, awaiting }, to, "staff")),
          firstRepliedAt,
          ...clocks,
        })
        .where(eq(tickets.id, ticketId))
        .returning(ticketColumns);
      if (kind === "reply") await enqueueWebhooks(tx, "ticket.message.created", [{ ticket: toTicket(updated!), message }]);
      if (to !== undefined) await announceChange(tx, [updated!], to === "closed");
      const added = { message, ticket: versionedTicket(updated!) };
      await request.beforeCommit?.(tx, added);
      return added;
    }),
  );
}

/** How a message's author is shown: an agent by their account name (never their email), a token by its name. */
async function authorOf(actor: Actor): Promise<{ type: "requester" | "staff"; name?: string }> {
  switch (actor.kind) {
    case "staff": {
      const db = await getDb();
      const [user] = await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, actor.userId));
      return { type: "staff", name: user?.name || "Kinconecta Support" };
    }
    case "token":
      return { type: "staff", name: actor.name };
    default:
      // The requester's name is the ticket's, read under its lock.
      return { type: "requester" };
  }
}
