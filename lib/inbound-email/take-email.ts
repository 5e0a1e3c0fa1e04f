import "server-only";
import { randomUUID } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { and, count, eq, gt, inArray, sql } from "drizzle-orm";
import { ZodError } from "zod";
import { getDb, type Transaction } from "@/db";
import { inboundEmails } from "@/db/schema";
import { cleanFileName } from "@/lib/attachments/file-name";
import { inspectFiles } from "@/lib/attachments/inspect-files";
import { attachmentPolicy } from "@/lib/attachments/policy";
import { attachmentStorage } from "@/lib/attachments/storage";
import { describeBytes } from "@/lib/attachments/types";
import { PUBLIC_ACTOR } from "@/lib/auth/actor";
import { sha256Hex } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { StagedFile } from "@/lib/http/multipart";
import { addMessage } from "@/lib/tickets/add-message";
import { listCategories } from "@/lib/tickets/categories";
import { fileTicket } from "@/lib/tickets/file-ticket";
import { addMessageInput } from "@/lib/tickets/message-schemas";
import { createTicketInput, TICKET_LIMITS } from "@/lib/tickets/schemas";
import { findTicket, type ThreadedTicket } from "./find-ticket";
import { noiseReason } from "./noise";
import { type InboundEmail, readEmail, senderName } from "./read-email";
import type { InboundEmailResult, InboundEmailSource, RefusedAttachment } from "./schemas";

type Recorded = typeof inboundEmails.$inferInsert;

/** Another instance (or a provider's retry) took the same message first; its transaction rolls back. */
class AlreadyTaken extends Error {}

/**
 * The one pipeline for an email, whichever way it came (the IMAP watcher, POST /api/inbound-email): taken once by
 * its Message-ID; noise and a sender over their hourly budget recorded and dropped; otherwise a requester reply on
 * the ticket it answers (a resolved one goes back to in progress), a new ticket following a closed one, or a new
 * ticket. Files go through the upload checks one by one: a refused file is listed on the message, the email is
 * still taken. Throws NotAnEmailError for bytes that are no email, a 413 AppError over INBOUND_EMAIL_MAX_BYTES, and
 * whatever stops it being taken now (a database or storage outage): then nothing was recorded and the caller retries.
 */
export async function takeEmail(raw: Buffer, source: InboundEmailSource): Promise<InboundEmailResult> {
  if (raw.length > env.INBOUND_EMAIL_MAX_BYTES) {
    throw new AppError("payload_too_large", `The message is larger than the ${describeBytes(env.INBOUND_EMAIL_MAX_BYTES)} limit (INBOUND_EMAIL_MAX_BYTES)`);
  }
  const mail = await readEmail(raw);
  const earlier = await recordedResult(mail.key);
  if (earlier) return earlier;
  const base: Omit<Recorded, "outcome"> = { messageId: mail.key, source, fromAddress: mail.from.address, subject: mail.subject.slice(0, 500), raw, size: raw.length };
  try {
    return await deliver(mail, base).catch((error: unknown) => {
      // Its ticket closed between threading and the reply: delivered again, it now opens a follow-up.
      if (error instanceof AppError && error.code === "conflict") return deliver(mail, base);
      throw error;
    });
  } catch (error) {
    if (error instanceof AlreadyTaken) return { ...(await recordedResult(mail.key))!, duplicate: true };
    // What the ticket rules refuse (a sender address they cannot take, say) would be refused on every retry too.
    if (error instanceof ZodError || (error instanceof AppError && ["validation_failed", "unsupported_media_type"].includes(error.code))) {
      const reason = error instanceof ZodError ? error.issues.map((issue) => issue.message).join("; ") : error.message;
      return record({ ...base, raw: null, outcome: "refused", reason });
    }
    throw error;
  }
}

/**
 * Records an email the mailbox watcher cannot take (too large to download, no email at all, or failing every time it
 * is tried) as refused, so it is not tried again and admins can see why; it stays in the mailbox, not in the database.
 * Keyed by its Message-ID, else by what identifies it.
 */
export async function refuseEmail(email: { messageId?: string; fromAddress: string; subject: string; size: number; raw?: Buffer; reason: string }): Promise<InboundEmailResult> {
  const fingerprint = email.raw ?? Buffer.from(`${email.fromAddress}\n${email.subject}\n${email.size}`);
  return record({
    messageId: email.messageId || `sha256:${sha256Hex(fingerprint)}`,
    source: "imap",
    fromAddress: email.fromAddress.toLowerCase(),
    subject: email.subject.slice(0, 500),
    raw: null,
    size: email.size,
    outcome: "refused",
    reason: email.reason,
  });
}

async function deliver(mail: InboundEmail, base: Omit<Recorded, "outcome">): Promise<InboundEmailResult> {
  // What changes nothing keeps no copy of the message: noise and floods must not fill the database.
  const noise = noiseReason(mail);
  if (noise) return record({ ...base, raw: null, outcome: "ignored", reason: noise });
  const threaded = await findTicket(await getDb(), mail);
  const replyTo = threaded && threaded.ticket.status !== "closed" ? threaded : null;
  // Only new tickets are budgeted: a From header is easy to forge, and a forger must not silence a requester's replies.
  if (!replyTo && (await newTicketBudgetSpent(mail.from.address))) {
    return record({ ...base, raw: null, outcome: "rate_limited", reason: `over ${env.INBOUND_EMAILS_PER_SENDER_PER_HOUR} new tickets by email from this sender in an hour (INBOUND_EMAILS_PER_SENDER_PER_HOUR)` });
  }
  return withStagedAttachments(mail, (files, refusedAttachments) =>
    replyTo
      ? addReply(mail, replyTo, files, { ...base, refusedAttachments })
      : openTicket(mail, threaded?.ticket.id, files, { ...base, refusedAttachments }),
  );
}

async function addReply(mail: InboundEmail, threaded: ThreadedTicket, files: StagedFile[], base: Omit<Recorded, "outcome">): Promise<InboundEmailResult> {
  const { ticket, by } = threaded;
  const added = await addMessage({
    ticketId: ticket.id,
    input: addMessageInput.parse({ body: messageText(mail, files.length) }),
    files,
    actor: { kind: "requester", ticketId: ticket.id },
    channel: "email",
    // Someone else in the thread (a colleague copied in) writes under their own name.
    authorName: mail.from.address === ticket.email.toLowerCase() ? undefined : senderName(mail.from),
    beforeCommit: (tx, { message }) => insertRecord(tx, { ...base, outcome: "reply", reason: by, ticketId: ticket.id, ticketMessageId: message.id }),
  });
  return resultOf({ ...base, outcome: "reply", reason: by, ticketId: ticket.id, ticketMessageId: added.message.id });
}

/** A new ticket; `follows` is the closed ticket the email answered (closed is final: the new one says which it follows). */
async function openTicket(mail: InboundEmail, follows: number | undefined, files: StagedFile[], base: Omit<Recorded, "outcome">): Promise<InboundEmailResult> {
  const text = messageText(mail, files.length);
  let recorded: Recorded | undefined;
  await fileTicket({
    input: createTicketInput.parse({
      roleContext: env.INBOUND_EMAIL_ROLE,
      fullName: senderName(mail.from).slice(0, TICKET_LIMITS.fullName),
      email: mail.from.address,
      category: await inboundCategory(),
      subject: (mail.subject || text.split("\n")[0]!).slice(0, TICKET_LIMITS.subject),
      message: text,
      locale: mail.locale ?? env.DEFAULT_LOCALE,
    }),
    files,
    actor: PUBLIC_ACTOR,
    channel: "email",
    follows,
    confirmationInReplyTo: mail.messageIdHeader ?? undefined,
    beforeCommit: async (tx, filed) => {
      recorded = {
        ...base,
        outcome: follows === undefined ? "new_ticket" : "follow_up",
        reason: follows === undefined ? null : `#${follows} is closed`,
        ticketId: filed.ticket.id,
        ticketMessageId: filed.firstMessageId,
      };
      await insertRecord(tx, recorded);
    },
  });
  return resultOf(recorded!);
}

/** The stored text: what the sender wrote, within the message limit; an email of files alone says so. */
function messageText(mail: InboundEmail, fileCount: number): string {
  const text = mail.text.slice(0, TICKET_LIMITS.message).trim();
  if (text) return text;
  return fileCount > 0 ? "(files only)" : "(no text)";
}

/** At start, when email comes in (IMAP_URL or INBOUND_EMAIL_SECRET): a category that does not exist stops the server, named. */
export async function assertInboundCategory(): Promise<void> {
  if (!env.IMAP_URL && !env.INBOUND_EMAIL_SECRET) return;
  const active = await listCategories();
  if (!active.includes(env.INBOUND_EMAIL_CATEGORY)) {
    throw new Error(`INBOUND_EMAIL_CATEGORY: "${env.INBOUND_EMAIL_CATEGORY}" is not an active category (active: ${active.join(", ")})`);
  }
}

/** INBOUND_EMAIL_CATEGORY while it is active (checked at start); should an admin retire it, the first active one. */
async function inboundCategory(): Promise<string> {
  const active = await listCategories();
  return active.includes(env.INBOUND_EMAIL_CATEGORY) ? env.INBOUND_EMAIL_CATEGORY : (active[0] ?? env.INBOUND_EMAIL_CATEGORY);
}

async function newTicketBudgetSpent(address: string): Promise<boolean> {
  const db = await getDb();
  const [recent] = await db
    .select({ emails: count() })
    .from(inboundEmails)
    .where(
      and(
        eq(sql`lower(${inboundEmails.fromAddress})`, address),
        gt(inboundEmails.receivedAt, sql`now() - interval '1 hour'`),
        inArray(inboundEmails.outcome, ["new_ticket", "follow_up", "rate_limited"]),
      ),
    );
  return (recent?.emails ?? 0) >= env.INBOUND_EMAILS_PER_SENDER_PER_HOUR;
}

/**
 * Writes the email's files to staging files and checks each as an upload would be (type by content, size, count and
 * the per-message total), then runs `take` with the accepted ones and the refused ones' reasons; the staging files
 * are removed afterwards (storing moved the accepted ones away).
 */
async function withStagedAttachments<T>(
  mail: InboundEmail,
  take: (files: StagedFile[], refused: RefusedAttachment[]) => Promise<T>,
): Promise<T> {
  const stagingDir = attachmentStorage().stagingDir;
  await mkdir(stagingDir, { recursive: true });
  const accepted: StagedFile[] = [];
  const refused: RefusedAttachment[] = [];
  const staged: string[] = [];
  let bytes = 0;
  try {
    for (const [index, attachment] of mail.attachments.entries()) {
      const fileName = cleanFileName(attachment.filename ?? `attachment-${index + 1}`);
      const size = attachment.content.length;
      const refuse = (reason: string) => refused.push({ fileName, reason });
      if (size > attachmentPolicy.maxFileBytes) refuse(`"${fileName}" is larger than the ${describeBytes(attachmentPolicy.maxFileBytes)} limit`);
      else if (accepted.length >= attachmentPolicy.maxFilesPerTicket) refuse(`Only ${attachmentPolicy.maxFilesPerTicket} files are taken from one message`);
      else if (bytes + size > attachmentPolicy.maxTicketBytes) refuse(`The files together are larger than the ${describeBytes(attachmentPolicy.maxTicketBytes)} limit`);
      else {
        const filePath = path.join(stagingDir, `email-${randomUUID()}`);
        staged.push(filePath);
        await writeFile(filePath, attachment.content);
        const file: StagedFile = { fileName, path: filePath, size, sha256: sha256Hex(attachment.content) };
        const [inspected] = await inspectFiles([file]).catch((error: unknown) => {
          if (error instanceof AppError) return [error];
          throw error;
        });
        if (inspected instanceof AppError) refuse(inspected.message);
        else {
          accepted.push(file);
          bytes += size;
        }
      }
    }
    return await take(accepted, refused);
  } finally {
    await Promise.all(staged.map((file) => rm(file, { force: true })));
  }
}

async function insertRecord(executor: Transaction, values: Recorded): Promise<void> {
  const inserted = await executor.insert(inboundEmails).values(values).onConflictDoNothing({ target: inboundEmails.messageId }).returning({ id: inboundEmails.id });
  if (inserted.length === 0) throw new AlreadyTaken();
}

async function record(values: Recorded): Promise<InboundEmailResult> {
  const db = await getDb();
  const inserted = await db.insert(inboundEmails).values(values).onConflictDoNothing({ target: inboundEmails.messageId }).returning({ id: inboundEmails.id });
  if (inserted.length === 0) return { ...(await recordedResult(values.messageId))!, duplicate: true };
  return resultOf(values);
}

async function recordedResult(key: string): Promise<InboundEmailResult | null> {
  const db = await getDb();
  const [row] = await db.select().from(inboundEmails).where(eq(inboundEmails.messageId, key));
  return row ? { ...resultOf(row), duplicate: true } : null;
}

function resultOf(row: Pick<Recorded, "outcome" | "ticketId" | "ticketMessageId" | "reason" | "refusedAttachments">): InboundEmailResult {
  return {
    outcome: row.outcome,
    duplicate: false,
    ticketId: row.ticketId ?? null,
    messageId: row.ticketMessageId ?? null,
    reason: row.reason ?? null,
    refusedAttachments: row.refusedAttachments ?? [],
  };
}
