import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import type { listInboundEmails } from "@/lib/inbound-email/list-inbound-emails";
import { INBOUND_LIST_LIMIT, inboundEmailResultSchema, inboundEmailSchema, listInboundEmailsQuery } from "@/lib/inbound-email/schemas";
import { type Assert, problemResponses, type Same, security } from "../components";
import { ticketIdPath } from "./support-tickets";

const InboundEmailResult = inboundEmailResultSchema.meta({
  id: "InboundEmailResult",
  description:
    "What became of the email: `reply` (on `ticketId`, found by `reason`: token, message-id or subject), `new_ticket`, " +
    "`follow_up` (a new ticket because the one it answered is closed), or nothing: `ignored` (auto-replies, bounces, " +
    "mailing lists, loops, our own mail), `rate_limited` (the sender's hourly budget is spent), `refused`.",
});

const InboundEmail = inboundEmailSchema.meta({
  id: "InboundEmail",
  description: "One received email (IMAP or HTTP) and what became of it; the message itself is opened from its ticket message.",
});

// The listing returns every column but the message itself: a new column must be documented too.
type ListedColumns = keyof Awaited<ReturnType<typeof listInboundEmails>>[number];
type _InboundColumnsMatch = Assert<Same<ListedColumns, keyof z.infer<typeof inboundEmailSchema>>>;

export const inboundEmailPaths: ZodOpenApiPathsObject = {
  "/api/inbound-email": {
    post: {
      operationId: "takeInboundEmail",
      tags: ["Inbound email"],
      summary: "Forward one received email",
      description:
        "For mail providers that deliver email by HTTP (the other way in is the IMAP_URL mailbox; both share one " +
        "pipeline). The body is the raw message as received, `Content-Type: message/rfc822`. It becomes a requester " +
        "reply on the ticket it answers (by the reply token in `Reply-To`, then our Message-IDs in " +
        "`In-Reply-To`/`References`, then `[#id]` in the subject when the sender is the requester), or a new ticket. " +
        "Quotes and signatures are cut; files go through the upload checks, and refused ones are listed. The same " +
        "Message-ID twice is taken once (`duplicate: true`, with the first time's result): retry freely. Noise is " +
        "answered 200 too, so the provider does not retry it.",
      security: security.mailProvider,
      requestBody: {
        required: true,
        content: { "message/rfc822": { schema: z.string().meta({ format: "binary", description: "The raw email (RFC 5322)" }) } },
      },
      responses: {
        200: { description: "Taken (or taken before)", content: { "application/json": { schema: InboundEmailResult } } },
        ...problemResponses([401, 404, 413, 415, 422, 500, 503], {
          rateLimited: false,
          descriptions: {
            404: "Inbound email over HTTP is off (INBOUND_EMAIL_SECRET is unset)",
            413: "The message is larger than INBOUND_EMAIL_MAX_BYTES",
            422: "The body is not an email (no header block with a From address)",
          },
        }),
      },
    },
  },
  "/api/inbound-emails": {
    get: {
      operationId: "listInboundEmails",
      tags: ["Inbound email"],
      summary: "List received emails",
      description:
        `The newest received emails first (default ${INBOUND_LIST_LIMIT.default}, at most ${INBOUND_LIST_LIMIT.max}), ` +
        "with what became of each and why; filter by `outcome` or look one up by its `messageId`. For admins and API tokens.",
      security: security.staffOrToken,
      requestParams: { query: listInboundEmailsQuery },
      responses: {
        200: { description: "The emails, newest first", content: { "application/json": { schema: z.array(InboundEmail) } } },
        ...problemResponses([401, 403, 422, 429, 500], {
          descriptions: { 403: "Signed in as an agent: only admins (and API tokens) see the inbound log" },
        }),
      },
    },
  },
  "/api/support-tickets/{id}/messages/{messageId}/original": {
    get: {
      operationId: "getOriginalEmail",
      tags: ["Inbound email"],
      summary: "The email a message came as",
      description: "The original of a message that came by email (`originalEmailUrl`), byte for byte, as a download. Staff and API tokens.",
      security: security.staffOrToken,
      requestParams: { path: ticketIdPath.extend({ messageId: z.coerce.number().int().min(1).meta({ description: "The message's id", example: 7 }) }) },
      responses: {
        200: { description: "The email", content: { "message/rfc822": { schema: z.string().meta({ format: "binary" }) } } },
        ...problemResponses([401, 403, 404, 429, 500]),
      },
    },
  },
};
