import "server-only";
import { and, asc, eq, getTableColumns, sql } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { ticketMessages, tickets } from "@/db/schema";
import { type Actor, seesInternals } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { RefusedAttachment } from "@/lib/inbound-email/schemas";
import type { Message } from "./message-schemas";
import { type AttachmentRow, toAttachment, ticketUrl } from "./serialize";

// Every column, the message's files as one JSON array and the email it came as, so a page of messages is one query.
const messageColumns = {
  ...getTableColumns(ticketMessages),
  attachments: sql<AttachmentRow[]>`(
    select coalesce(json_agg(json_build_object('id', a.id, 'fileName', a.file_name) order by a.id), '[]'::json)
    from attachments a where a.message_id = "ticket_messages"."id")`,
  email: sql<EmailOrigin | null>`(
    select json_build_object('refused', e.refused_attachments) from inbound_emails e where e.ticket_message_id = "ticket_messages"."id")`,
};

/** What a message that came by email keeps of it: the files refused from it (the original is served on its own). */
interface EmailOrigin {
  refused: RefusedAttachment[];
}

export type MessageRow = typeof ticketMessages.$inferSelect & { attachments: AttachmentRow[]; email: EmailOrigin | null };

/** A message as `viewer` sees it: the original email is for staff (it holds the quoted thread and whoever else was copied in). */
export function toMessage(row: MessageRow, viewer: Actor): Message {
  return {
    id: row.id,
    ticketId: row.ticketId,
    kind: row.kind,
    // Only a display name is stored for staff (never their email), so what a requester may see is decided at write time.
    author: { type: row.authorType, name: row.authorName },
    body: row.body,
    channel: row.channel,
    createdAt: row.createdAt.toISOString(),
    attachments: row.attachments.map((attachment) => toAttachment(row.ticketId, attachment)),
    refusedAttachments: row.email?.refused ?? [],
    ...(row.email && seesInternals(viewer) && { originalEmailUrl: `${ticketUrl(row.ticketId)}/messages/${row.id}/original` }),
  };
}

/** A ticket's conversation, oldest first, as `viewer` may see it: a requester gets the replies only; 404 when the ticket does not exist. */
export async function listMessages(ticketId: number, viewer: Actor, executor?: Database | Transaction): Promise<Message[]> {
  const db = executor ?? (await getDb());
  const [ticket] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.id, ticketId));
  if (!ticket) throw new AppError("not_found", `Ticket ${ticketId} does not exist`);
  const rows = await db
    .select(messageColumns)
    .from(ticketMessages)
    .where(and(eq(ticketMessages.ticketId, ticketId), seesInternals(viewer) ? undefined : eq(ticketMessages.kind, "reply")))
    .orderBy(asc(ticketMessages.id));
  return rows.map((row) => toMessage(row, viewer));
}
