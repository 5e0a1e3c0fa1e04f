import "server-only";
import { and, eq, isNull, ne, or } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments, ticketMessages } from "@/db/schema";
import { type Actor, seesInternals } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { attachmentStorage, type StoredFileAccess } from "./storage";

export interface OpenedAttachment {
  fileName: string;
  contentType: string;
  size: number;
  access: StoredFileAccess;
}

/**
 * One attachment of one ticket, ready to send: its bytes (local disk) or a signed link (UploadThing).
 * A file on an internal note is staff-only: for a requester it does not exist.
 */
export async function openAttachment(ticketId: number, attachmentId: number, viewer: Actor): Promise<OpenedAttachment> {
  const db = await getDb();
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      size: attachments.size,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .leftJoin(ticketMessages, eq(ticketMessages.id, attachments.messageId))
    .where(
      and(
        eq(attachments.id, attachmentId),
        eq(attachments.ticketId, ticketId),
        seesInternals(viewer) ? undefined : or(isNull(attachments.messageId), ne(ticketMessages.kind, "note")),
      ),
    );
  if (!row) throw new AppError("not_found", `Ticket ${ticketId} has no attachment ${attachmentId}`);
  const access = await attachmentStorage().open(row.storageKey);
  return { fileName: row.fileName, contentType: row.contentType, size: row.size, access };
}
