import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { attachmentStorage, type StoredFileAccess } from "./storage";

export interface OpenedAttachment {
  fileName: string;
  contentType: string;
  size: number;
  access: StoredFileAccess;
}

/** One attachment of one ticket, ready to send: its bytes (local disk) or a signed link (UploadThing). */
export async function openAttachment(ticketId: number, attachmentId: number): Promise<OpenedAttachment> {
  const db = await getDb();
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      size: attachments.size,
      storageKey: attachments.storageKey,
    })
    .from(attachments)
    .where(and(eq(attachments.id, attachmentId), eq(attachments.ticketId, ticketId)));
  if (!row) throw new AppError("not_found", `Ticket ${ticketId} has no attachment ${attachmentId}`);
  const access = await attachmentStorage().open(row.storageKey);
  return { fileName: row.fileName, contentType: row.contentType, size: row.size, access };
}
