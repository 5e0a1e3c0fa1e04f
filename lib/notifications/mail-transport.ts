import "server-only";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import type { outboxMessages } from "@/db/schema";
import { env } from "@/lib/env";
import { LOCALE_TAGS } from "@/lib/i18n/locales";
import { ownAddresses } from "@/lib/inbound-email/addresses";
import { oneLine } from "./compose-ticket-email";

export type OutboxMessage = typeof outboxMessages.$inferSelect;

export interface MailTransport {
  /** Where messages go, for the start-up log line. */
  description: string;
  /** Resolves once the message is accepted; rejects with the reason otherwise. */
  send: (message: OutboxMessage) => Promise<void>;
  close: () => void;
}

// Short enough that a hung SMTP server releases the worker well before its lease on the message ends.
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
// The message is built from stored text only: no attachment paths or URLs are ever read.
const CONTENT_GUARDS = { disableFileAccess: true, disableUrlAccess: true };

export function mailDirectory(): string {
  return path.resolve(env.DATA_DIR, "mail");
}

function mailOptions(message: OutboxMessage): SendMailOptions {
  // nodemailer encodes header values itself; the CR/LF strip keeps a name or subject from ever
  // reaching a header as more than one line, whatever the encoder does.
  return {
    from: env.MAIL_FROM,
    to: message.recipientName
      ? { name: oneLine(message.recipientName), address: oneLine(message.recipientEmail) }
      : oneLine(message.recipientEmail),
    subject: oneLine(message.subject),
    text: message.textBody,
    html: message.htmlBody,
    messageId: message.messageId,
    ...(message.inReplyTo && { inReplyTo: message.inReplyTo, references: [message.inReplyTo] }),
    ...(message.replyTo && { replyTo: message.replyTo }),
    date: message.createdAt,
    headers: {
      // RFC 3834: a person's reply is not automatic, so an out-of-office answer to it still reaches the requester's agent.
      ...(message.kind !== "staff_reply" && { "Auto-Submitted": "auto-generated" }),
      "Content-Language": LOCALE_TAGS[message.locale],
      // Relays and list servers keep it: our own mail coming back is recognised and never taken (lib/inbound-email/noise.ts).
      "X-Loop": ownAddresses()[0]!,
    },
  };
}

function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport({ url, ...SMTP_TIMEOUTS, ...CONTENT_GUARDS });
  return {
    description: `SMTP ${new URL(url).host}`,
    send: async (message) => void (await transporter.sendMail(mailOptions(message))),
    close: () => transporter.close(),
  };
}

/** The embedded default: each message as an RFC 5322 .eml file, named after its outbox row so a resend overwrites it. */
function fileTransport(directory: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, ...CONTENT_GUARDS });
  return {
    description: `.eml files in ${directory}`,
    send: async (message) => {
      const info = await transporter.sendMail(mailOptions(message));
      await mkdir(directory, { recursive: true });
      const file = path.join(directory, `${String(message.id).padStart(6, "0")}-${message.kind}.eml`);
      // Written whole, then renamed: a reader never sees half a message.
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => transporter.close(),
  };
}

export function createMailTransport(): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL) : fileTransport(mailDirectory());
}
