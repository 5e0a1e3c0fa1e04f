import { z } from "zod";
import { pageLimit } from "@/lib/zod/page-limit";

// Inbound email's shapes, shared by the pipeline, the API and the OpenAPI document: no server imports here.

/** How a message reached us: the watched mailbox (IMAP_URL) or a mail provider's POST /api/inbound-email. */
export const INBOUND_EMAIL_SOURCES = ["imap", "http"] as const;
export type InboundEmailSource = (typeof INBOUND_EMAIL_SOURCES)[number];

/**
 * What became of a message: a requester reply on its ticket, a new ticket, a new ticket following a closed one,
 * or nothing (noise such as auto-replies and bounces, a sender over their hourly budget, or a message we refuse).
 */
export const INBOUND_EMAIL_OUTCOMES = ["reply", "new_ticket", "follow_up", "ignored", "rate_limited", "refused"] as const;
export type InboundEmailOutcome = (typeof INBOUND_EMAIL_OUTCOMES)[number];

/** Which rule found the ticket of a reply, strongest first (SPEC "Email both ways"). */
export const THREADING_RULES = ["token", "message-id", "subject"] as const;
export type ThreadingRule = (typeof THREADING_RULES)[number];

export const refusedAttachmentSchema = z.object({
  fileName: z.string(),
  reason: z.string().meta({ example: "\"tour.exe\" is not an allowed file type; allowed are PNG, JPEG, GIF, WebP, PDF, plain text" }),
});
export type RefusedAttachment = z.infer<typeof refusedAttachmentSchema>;

export const inboundEmailResultSchema = z.object({
  outcome: z.enum(INBOUND_EMAIL_OUTCOMES),
  /** True when this Message-ID was taken before: nothing was done again, and the rest describes the first time. */
  duplicate: z.boolean(),
  ticketId: z.int().nullable(),
  messageId: z.int().nullable().meta({ description: "The conversation message the email became, when it became one" }),
  reason: z.string().nullable().meta({
    description: "Why it was ignored or refused, or which rule found the ticket of a reply (token, message-id, subject)",
    example: "auto-reply (Auto-Submitted: auto-replied)",
  }),
  refusedAttachments: z.array(refusedAttachmentSchema),
});
export type InboundEmailResult = z.infer<typeof inboundEmailResultSchema>;

export const INBOUND_LIST_LIMIT = { default: 50, max: 200 } as const;

export const listInboundEmailsQuery = z.strictObject({
  outcome: z.enum(INBOUND_EMAIL_OUTCOMES, { error: `Outcome must be one of: ${INBOUND_EMAIL_OUTCOMES.join(", ")}` }).optional(),
  /** The email's Message-ID header, angle brackets included: find what became of one email. */
  messageId: z.string().max(1_000).optional(),
  limit: pageLimit(INBOUND_LIST_LIMIT),
});
export type ListInboundEmailsQuery = z.infer<typeof listInboundEmailsQuery>;

/** One received email as the log lists it (without the message itself: staff open that from its ticket message). */
export const inboundEmailSchema = z.object({
  id: z.int(),
  /** The Message-ID header, or `sha256:<hex>` of the message when it had none. */
  messageId: z.string(),
  source: z.enum(INBOUND_EMAIL_SOURCES),
  fromAddress: z.string(),
  subject: z.string(),
  outcome: z.enum(INBOUND_EMAIL_OUTCOMES),
  reason: z.string().nullable(),
  ticketId: z.int().nullable(),
  ticketMessageId: z.int().nullable(),
  refusedAttachments: z.array(refusedAttachmentSchema),
  size: z.int(),
  receivedAt: z.iso.datetime(),
});
export type InboundEmailRecord = z.infer<typeof inboundEmailSchema>;
