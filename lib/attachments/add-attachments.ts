import "server-only";
import { and, count, eq, isNull, or, sql, sum } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { attachments, ticketMessages, tickets } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { AppError, validationError } from "@/lib/errors";
import { describeBytes } from "./types";
import type { StagedFile } from "@/lib/http/multipart";
import { ticketColumns, versionedTicket } from "@/lib/tickets/get-ticket";
import type { VersionedTicket } from "@/lib/tickets/serialize";
import { inspectFiles } from "./inspect-files";
import { attachmentPolicy } from "./policy";
import { recordAttachments, withStoredFiles } from "./store-files";

/**
 * Adds files to an existing ticket, within the per-ticket file count and size limits (counted over the ticket's own
 * files: those filed with it and those added here; files sent with later messages have their own per-message limits), with a history row
 * per file; bumps the ticket's version. The limits are checked before anything is stored and again under
 * the ticket's row lock, so two uploads at once cannot pass them together.
 */
export async function addAttachments(ticketId: number, files: readonly StagedFile[], actor: Actor): Promise<VersionedTicket> {
  if (files.length === 0) throw validationError("attachments", "Attach at least one file");
  const db = await getDb();
  assertRoom(ticketId, await ticketState(db, ticketId), files);
  const checked = await inspectFiles(files);
  return withStoredFiles(checked, (stored) =>
    db.transaction(async (tx) => {
      assertRoom(ticketId, await ticketState(tx, ticketId, true), files);
      await recordAttachments(tx, ticketId, stored, actor);
      const [row] = await tx
        .update(tickets)
        .set({ version: sql`${tickets.version} + 1`, updatedAt: sql`now()` })
        .where(eq(tickets.id, ticketId))
        .returning(ticketColumns);
      return versionedTicket(row!);
    }),
  );
}

/**
 * The ticket's status and the count and bytes of its own files: added here or filed with the ticket (its first
 * message's); `lock` holds the ticket row until the transaction ends.
 */
async function ticketState(executor: Database | Transaction, ticketId: number, lock = false) {
  const query = executor.select({ status: tickets.status }).from(tickets).where(eq(tickets.id, ticketId));
  const [ticket] = lock ? await query.for("update") : await query;
  if (!ticket) throw new AppError("not_found", `Ticket ${ticketId} does not exist`);
  const [counted] = await executor
    .select({ files: count(), bytes: sum(attachments.size).mapWith(Number) })
    .from(attachments)
    .where(and(eq(attachments.ticketId, ticketId), or(isNull(attachments.messageId), eq(attachments.messageId, firstMessageId(ticketId)))));
  return { status: ticket.status, files: counted?.files ?? 0, bytes: counted?.bytes ?? 0 };
}

function firstMessageId(ticketId: number) {
  return sql`(select min(${ticketMessages.id}) from ${ticketMessages} where ${ticketMessages.ticketId} = ${ticketId})`;
}

type TicketState = Awaited<ReturnType<typeof ticketState>>;

function assertRoom(ticketId: number, state: TicketState, adding: readonly StagedFile[]): void {
  if (state.status === "closed") throw new AppError("conflict", `Ticket ${ticketId} is closed; files can no longer be added`);
  const maxFiles = attachmentPolicy.maxFilesPerTicket;
  if (state.files + adding.length > maxFiles) {
    throw validationError(
      "attachments",
      `A ticket can have at most ${maxFiles} files; ticket ${ticketId} has ${state.files} and this request adds ${adding.length}`,
    );
  }
  const maxBytes = attachmentPolicy.maxTicketBytes;
  const addingBytes = adding.reduce((total, file) => total + file.size, 0);
  if (state.bytes + addingBytes > maxBytes) {
    const message =
      `A ticket's files can take at most ${describeBytes(maxBytes)} together; ticket ${ticketId} has ` +
      `${describeBytes(state.bytes)} and this request adds ${describeBytes(addingBytes)}`;
    throw new AppError("payload_too_large", message, { errors: [{ path: "attachments", message }] });
  }
}
