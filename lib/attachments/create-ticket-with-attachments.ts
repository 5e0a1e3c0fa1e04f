import "server-only";
import { type Database, getDb, type Transaction } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import type { StagedFile } from "@/lib/http/multipart";
import { createTicket } from "@/lib/tickets/create-ticket";
import { getTicketOrThrow } from "@/lib/tickets/get-ticket";
import type { CreateTicketInput } from "@/lib/tickets/schemas";
import type { VersionedTicket } from "@/lib/tickets/serialize";
import { inspectFiles } from "./inspect-files";
import { recordAttachments, withStoredFiles } from "./store-files";

/**
 * Files a ticket together with its attachments: all of it, or (on a bad file, a storage or a
 * database failure) none of it. The caller has already capped the number of files.
 */
export async function createTicketWithAttachments(
  input: CreateTicketInput,
  files: readonly StagedFile[],
  actor: Actor,
  executor?: Database | Transaction,
): Promise<VersionedTicket> {
  const checked = await inspectFiles(files);
  const db = executor ?? (await getDb());
  return withStoredFiles(checked, (stored) =>
    db.transaction(async (tx) => {
      const { ticket } = await createTicket(input, actor, tx);
      await recordAttachments(tx, ticket.id, stored, actor);
      return getTicketOrThrow(ticket.id, tx);
    }),
  );
}
