import "server-only";
import { getDb, type Transaction } from "@/db";
import { inspectFiles } from "@/lib/attachments/inspect-files";
import { recordAttachments, withStoredFiles } from "@/lib/attachments/store-files";
import { enqueueWebhooks } from "@/lib/webhooks/enqueue";
import type { Actor } from "@/lib/auth/actor";
import type { StagedFile } from "@/lib/http/multipart";
import { createTicket, type TicketOrigin } from "./create-ticket";
import type { CreateTicketInput } from "./schemas";
import type { VersionedTicket } from "./serialize";

export interface FileTicketRequest extends TicketOrigin {
  input: CreateTicketInput;
  /** Staged uploads, already capped in number by the multipart reader; none for a JSON body. */
  files: readonly StagedFile[];
  actor: Actor;
  /** Runs in the filing transaction just before it commits, e.g. to save the idempotent response with the ticket. */
  beforeCommit?: (tx: Transaction, filed: VersionedTicket & { firstMessageId: number }) => Promise<void>;
}

/**
 * Files a ticket with its attachments: all of it, or (on a bad file, a storage or a database failure)
 * none of it. The files are inspected and stored first, with no transaction open, because storing is
 * slow (an upload to UploadThing takes seconds, and on PGlite an open transaction holds up every other
 * request). Then one short transaction writes the ticket, its attachments, the history, the
 * confirmation email and whatever `beforeCommit` adds; should it fail, the stored files are deleted.
 */
export async function fileTicket({ input, files, actor, beforeCommit, ...origin }: FileTicketRequest): Promise<VersionedTicket> {
  const inspected = await inspectFiles(files);
  const db = await getDb();
  return withStoredFiles(inspected, (stored) =>
    db.transaction(async (tx) => {
      const created = await createTicket(tx, input, actor, origin);
      const attachments = await recordAttachments(tx, created.ticket.id, stored, actor, { messageId: created.firstMessageId });
      const filed = { ticket: { ...created.ticket, attachments }, version: created.version };
      await enqueueWebhooks(tx, "ticket.created", [{ ticket: filed.ticket }]);
      await beforeCommit?.(tx, { ...filed, firstMessageId: created.firstMessageId });
      return filed;
    }),
  );
}
