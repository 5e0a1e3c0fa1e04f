import { z } from "zod";
import { pageLimit } from "@/lib/zod/page-limit";
import { LOCALES } from "@/lib/i18n/locales";

// Shared with the browser (the staff UI's mail list): no server imports here.

export const OUTBOX_KINDS = ["ticket_created", "status_changed", "staff_reply", "resolution_reminder"] as const;
export type OutboxKind = (typeof OUTBOX_KINDS)[number];
export const OUTBOX_STATUSES = ["pending", "sent", "failed"] as const;

export const OUTBOX_LIST_LIMIT = { default: 50, max: 200 } as const;

export const listOutboxQuery = z.strictObject({
  status: z.enum(OUTBOX_STATUSES, { error: `Status must be one of: ${OUTBOX_STATUSES.join(", ")}` }).optional(),
  ticketId: z.coerce.number({ error: "ticketId must be a number" }).int().min(1).optional(),
  limit: pageLimit(OUTBOX_LIST_LIMIT),
});
export type ListOutboxQuery = z.infer<typeof listOutboxQuery>;

/** One notification email as the outbox lists it (without its HTML part, which repeats the text part). */
export const outboxMessageSchema = z.object({
  id: z.int(),
  messageId: z.string(),
  ticketId: z.int(),
  kind: z.enum(OUTBOX_KINDS),
  recipientName: z.string(),
  recipientEmail: z.string(),
  subject: z.string(),
  textBody: z.string(),
  /** The language it is written in. */
  locale: z.enum(LOCALES),
  /** The Message-ID of the ticket's first email (In-Reply-To and References); null on that first email. */
  inReplyTo: z.string().nullable(),
  /** Where the requester's answer goes (MAIL_REPLY_TO with the ticket's reply token); null when inbound email is not configured. */
  replyTo: z.string().nullable(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.int().min(0),
  nextAttemptAt: z.iso.datetime(),
  lastError: z.string().nullable(),
  sentAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
