import { z } from "zod";
import { refusedAttachmentSchema } from "@/lib/inbound-email/schemas";
import { textField } from "@/lib/zod/text";
import { attachmentSchema, SATISFACTION_RATING } from "./schemas";
import { TICKET_STATUSES } from "./workflow";

// The conversation's shapes, shared by the API, the pages and the OpenAPI document: no server imports here.

/** `reply`: the requester sees it (and is emailed it); `note`: staff only, never emailed. */
export const MESSAGE_KINDS = ["reply", "note"] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
export const MESSAGE_AUTHOR_TYPES = ["requester", "staff", "system"] as const;
export const MESSAGE_CHANNELS = ["web", "email", "api"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

export const MESSAGE_LIMITS = { body: 10_000, satisfactionComment: 2_000 } as const;

const messageBody = textField("Message", { max: MESSAGE_LIMITS.body, lines: "multi" });

/** A new message. Staff and API tokens: `kind` (default reply) and an optional `status` to move the ticket to. Requesters: a reply only. */
export const addMessageInput = z.strictObject({
  body: messageBody,
  kind: z.enum(MESSAGE_KINDS, { error: `Kind must be one of: ${MESSAGE_KINDS.join(", ")}` }).optional(),
  status: z.enum(TICKET_STATUSES, { error: `Status must be one of: ${TICKET_STATUSES.join(", ")}` }).optional(),
});
export type AddMessageInput = z.infer<typeof addMessageInput>;

/** The requester's answer to "Is your problem solved?": yes, or no with what is still wrong. */
export const resolutionInput = z.discriminatedUnion(
  "accepted",
  [
    z.strictObject({ accepted: z.literal(true) }),
    z.strictObject({ accepted: z.literal(false), body: messageBody }),
  ],
  { error: "accepted must be true or false" },
);
export type ResolutionInput = z.infer<typeof resolutionInput>;

export const satisfactionInput = z.strictObject({
  rating: z
    .number({ error: `Rating must be a whole number from ${SATISFACTION_RATING.min} to ${SATISFACTION_RATING.max}` })
    .int(`Rating must be a whole number from ${SATISFACTION_RATING.min} to ${SATISFACTION_RATING.max}`)
    .min(SATISFACTION_RATING.min, `Rating must be at least ${SATISFACTION_RATING.min}`)
    .max(SATISFACTION_RATING.max, `Rating must be at most ${SATISFACTION_RATING.max}`),
  comment: textField("Comment", { max: MESSAGE_LIMITS.satisfactionComment, lines: "multi" }).optional(),
});
export type SatisfactionInput = z.infer<typeof satisfactionInput>;

export const messageAuthorSchema = z.object({
  type: z.enum(MESSAGE_AUTHOR_TYPES),
  /** The requester's name, the agent's name or the API token's name; never a staff member's email. */
  name: z.string(),
});

export const messageSchema = z.object({
  id: z.int(),
  ticketId: z.int(),
  kind: z.enum(MESSAGE_KINDS),
  author: messageAuthorSchema,
  body: z.string(),
  channel: z.enum(MESSAGE_CHANNELS),
  createdAt: z.iso.datetime(),
  attachments: z.array(attachmentSchema),
  /** Files an email brought that the upload checks refused (type, size, count), so nobody thinks they were lost. */
  refusedAttachments: z.array(refusedAttachmentSchema),
  /** For staff, on a message that came by email: the original message (message/rfc822), quotes and all. */
  originalEmailUrl: z.url().optional(),
});
export type Message = z.infer<typeof messageSchema>;
