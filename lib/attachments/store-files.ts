import "server-only";
import type { Transaction } from "@/db";
import { attachments, ticketEvents } from "@/db/schema";
import { type Actor, actorLabel } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { Attachment } from "@/lib/tickets/schemas";
import { toAttachment } from "@/lib/tickets/serialize";
import type { InspectedFile } from "./inspect-files";
import { attachmentStorage, type StoredObject } from "./storage";

export interface StoredFile extends StoredObject {
  file: InspectedFile;
}

/**
 * Files first, rows second: checks that the storage has room for them all (507 when it is nearly full),
 * stores every file, then runs `record` (which writes the rows in one transaction). If a file cannot be
 * stored or `record` fails, the files already stored are deleted, so a failed upload leaves no file
 * behind; should that cleanup fail too, no row points at them and `npm run attachments:gc` removes them.
 */
export async function withStoredFiles<T>(
  files: readonly InspectedFile[],
  record: (stored: readonly StoredFile[]) => Promise<T>,
): Promise<T> {
  const storage = attachmentStorage();
  if (files.length > 0) await assertSpace(files);
  const stored: StoredFile[] = [];
  try {
    for (const file of files) {
      try {
        stored.push({ file, ...(await storage.put(file)) });
      } catch (error) {
        console.error(`Could not store "${file.fileName}" on ${storage.name} storage`, error);
        throw new AppError("unavailable", `"${file.fileName}" could not be stored just now; nothing was saved, please try again`);
      }
    }
    return await record(stored);
  } catch (error) {
    await storage.delete(stored.map(({ key }) => key)).catch((cleanupError: unknown) => {
      console.error("Could not delete the files of a failed upload; attachments:gc will", cleanupError);
    });
    throw error;
  }
}

/** 507 when the storage is nearly full; when it cannot even tell, the same 503 as a failed store. */
async function assertSpace(files: readonly InspectedFile[]): Promise<void> {
  const storage = attachmentStorage();
  try {
    await storage.assertSpaceFor(files.reduce((total, file) => total + file.size, 0));
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error(`Could not check the free space of ${storage.name} storage`, error);
    throw new AppError("unavailable", "The files could not be stored just now; nothing was saved, please try again");
  }
}

/**
 * The attachment rows (on `messageId` when they came with a message) and one `attachment_added` history row
 * per file, unless `history` is false (a note's files: the history is shown to the requester); returns the
 * attachments as the API shows them.
 */
export async function recordAttachments(
  tx: Transaction,
  ticketId: number,
  stored: readonly StoredFile[],
  actor: Actor,
  { messageId, history = true }: { messageId?: number; history?: boolean } = {},
): Promise<Attachment[]> {
  if (stored.length === 0) return [];
  const rows = await tx.insert(attachments).values(
    stored.map(({ file, key, url }) => ({
      ticketId,
      fileName: file.fileName,
      contentType: file.contentType,
      size: file.size,
      storageKey: key,
      storageUrl: url,
      messageId,
    })),
  ).returning({ id: attachments.id, fileName: attachments.fileName });
  if (!history) return rows.map((row) => toAttachment(ticketId, row));
  await tx.insert(ticketEvents).values(
    stored.map(({ file }) => ({ ticketId, type: "attachment_added" as const, toValue: file.fileName, actor: actorLabel(actor) })),
  );
  return rows.map((row) => toAttachment(ticketId, row));
}
