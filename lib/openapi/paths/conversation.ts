import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { ALLOWED_MOVES } from "@/lib/tickets/workflow";
import {
  addMessageInput,
  MESSAGE_LIMITS,
  messageSchema,
  resolutionInput,
  satisfactionInput,
} from "@/lib/tickets/message-schemas";
import { headers, problemResponses, rateLimitHeaders, security } from "../components";
import { conversationExamples } from "../examples";
import { attachmentFiles, attachmentFilesEncoding, attachmentProblemDescriptions } from "../uploads";
import { idempotencyKeyHeader, ifMatchHeader, RequesterTicket, ticketIdPath, trackingKeyParams } from "./support-tickets";

export const Message = messageSchema.meta({
  id: "Message",
  description:
    "One message of a ticket's conversation. `kind`: `reply` (the requester sees it) or `note` (staff only). " +
    "`author.name` is the requester's name, the agent's account name or the API token's name, never an email. " +
    "`body` is plain text (show it with its line breaks, never as HTML). `channel` says how it came: `web`, `api` or " +
    "`email` (an emailed answer, quotes and signatures cut; staff get `originalEmailUrl` to open the email itself). " +
    "`refusedAttachments` lists the files an email brought that the upload checks refused.",
});
const AddMessageInput = addMessageInput.meta({
  id: "AddMessageInput",
  description:
    `\`body\`: plain text, 1 to ${MESSAGE_LIMITS.body} characters. Staff and API tokens: \`kind\` (default \`reply\`) and ` +
    "an optional `status` that moves the ticket in the same step (the workflow applies: " +
    `${Object.entries(ALLOWED_MOVES)
      .map(([from, to]) => `${from} → ${to.length ? to.join(" | ") : "nothing"}`)
      .join("; ")}). ` +
    "The requester (tracking key): a reply only; `kind: \"note\"` or a `status` is a 403, and a reply to a resolved " +
    "ticket reopens it (in progress).",
});
const { body, kind, status } = addMessageInput.shape;
const AddMessageForm = z
  .strictObject({ body, kind, status, attachments: attachmentFiles(0).optional() })
  .meta({ id: "AddMessageForm", description: "The same fields as text parts, and files as parts named `attachments`." });
const ResolutionInput = resolutionInput.meta({
  id: "ResolutionInput",
  description: "`accepted: true` closes the ticket (reason `confirmed`); `accepted: false` with `body` (what is still wrong) reopens it.",
});
const SatisfactionInput = satisfactionInput.meta({ id: "SatisfactionInput", description: "A rating from 1 to 5 and an optional comment." });

const ticketAnswer = (description: string) => ({
  description,
  headers: z.object({ ETag: headers.etag, ...rateLimitHeaders }),
  content: { "application/json": { schema: RequesterTicket } },
});

export const conversationPaths: ZodOpenApiPathsObject = {
  "/api/support-tickets/{id}/messages": {
    get: {
      operationId: "listMessages",
      tags: ["Conversation"],
      summary: "A ticket's conversation",
      description:
        "Every message, oldest first; the first is the requester's original message. Staff and API tokens get the " +
        "internal notes too; the requester (tracking key) gets the replies only.",
      security: security.ticketReader,
      requestParams: { path: ticketIdPath, ...trackingKeyParams },
      responses: {
        200: {
          description: "The conversation, oldest first",
          headers: z.object(rateLimitHeaders),
          content: { "application/json": { schema: z.array(Message), examples: { conversation: conversationExamples.messages } } },
        },
        ...problemResponses([401, 404, 429, 500]),
      },
    },
    post: {
      operationId: "addMessage",
      tags: ["Conversation"],
      summary: "Reply, or add an internal note",
      description:
        "Adds a message, as JSON or as multipart/form-data with files (the same checks and limits as a ticket's " +
        "files, per message). A staff reply is emailed to the requester with its files as links; notes never are. " +
        "With `status`, the ticket moves in the same transaction (\"send and resolve\"); send `If-Match` to make sure " +
        "nobody changed it meanwhile. Send `Idempotency-Key` so a retry cannot add the message twice.",
      security: security.ticketReader,
      requestParams: { path: ticketIdPath, header: idempotencyKeyHeader.extend(ifMatchHeader.shape), query: trackingKeyParams.query },
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: AddMessageInput, examples: conversationExamples.addMessage },
          "multipart/form-data": { schema: AddMessageForm, encoding: attachmentFilesEncoding },
        },
      },
      responses: {
        201: {
          description: "The message as stored; `ETag` is the ticket's new version",
          headers: z.object({ ETag: headers.etag, "Idempotent-Replayed": headers.idempotentReplayed.optional(), ...rateLimitHeaders }),
          content: { "application/json": { schema: Message, examples: { reply: conversationExamples.reply } } },
        },
        ...problemResponses([400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 500, 503, 507], {
          descriptions: {
            ...attachmentProblemDescriptions,
            403: "The requester sent `kind: \"note\"` or a `status`, or a signed-in write came from another origin",
            404: "No such ticket, or a wrong tracking key",
            409: "A reply to a closed ticket (nothing is stored), a `status` the workflow does not allow from the current one, or an `Idempotency-Key` still in use",
            412: "`If-Match` names a version that is no longer current; nothing is stored",
          },
        }),
      },
    },
  },
  "/api/support-tickets/{id}/resolution": {
    post: {
      operationId: "answerResolution",
      tags: ["Conversation"],
      summary: "Confirm the fix, or say it is not fixed",
      description: "The requester's answer on a resolved ticket (tracking key only). Any other status is a 409.",
      security: [{ trackingKey: [] }, { trackingKeyHeader: [] }],
      requestParams: { path: ticketIdPath, ...trackingKeyParams },
      requestBody: {
        required: true,
        content: { "application/json": { schema: ResolutionInput, examples: conversationExamples.resolution } },
      },
      responses: {
        200: ticketAnswer("The ticket, closed (confirmed) or in progress again"),
        ...problemResponses([400, 401, 403, 404, 409, 413, 415, 422, 429, 500], {
          descriptions: { 404: "No such ticket, or a wrong tracking key", 409: "The ticket is not resolved" },
        }),
      },
    },
  },
  "/api/support-tickets/{id}/satisfaction": {
    post: {
      operationId: "rateSatisfaction",
      tags: ["Conversation"],
      summary: "Rate a closed ticket",
      description: "The requester's one rating (tracking key only), shown as `satisfaction` on the ticket.",
      security: [{ trackingKey: [] }, { trackingKeyHeader: [] }],
      requestParams: { path: ticketIdPath, ...trackingKeyParams },
      requestBody: {
        required: true,
        content: { "application/json": { schema: SatisfactionInput, examples: { rating: { value: { rating: 5, comment: "Quick and kind, thank you!" } } } } },
      },
      responses: {
        200: ticketAnswer("The ticket with its `satisfaction`"),
        ...problemResponses([400, 401, 403, 404, 409, 413, 415, 422, 429, 500], {
          descriptions: {
            404: "No such ticket, or a wrong tracking key",
            409: "The ticket is not closed yet, or was already rated",
            422: "The rating is not a whole number from 1 to 5, or the comment is too long",
          },
        }),
      },
    },
  },
};
