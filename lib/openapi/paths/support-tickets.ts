import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { SPAM_SIGNALS } from "@/lib/tickets/spam-signals";
import { ALLOWED_MOVES, TICKET_EVENT_TYPES } from "@/lib/tickets/workflow";
import {
  BULK_LIMIT,
  bulkUpdateInput,
  bulkUpdateResultSchema,
  createTicketInput,
  createdTicketSchema,
  issuedTrackingLinkSchema,
  LIST_LIMIT,
  listTicketsQuery,
  requesterTicketSchema,
  ticketCountsSchema,
  ticketEventSchema,
  ticketSchema,
  updateTicketInput,
} from "@/lib/tickets/schemas";
import { headers, problemResponses, rateLimitHeaders, security } from "../components";
import { seedExamples, ticketExamples } from "../examples";
import { attachmentFiles, attachmentFilesEncoding, attachmentProblemDescriptions } from "../uploads";

export const Ticket = ticketSchema.meta({ id: "Ticket", description: "A support ticket, exactly as the seed document shows it" });
const BulkUpdateInput = bulkUpdateInput.meta({
  id: "BulkUpdateInput",
  description: "The tickets (each with an optional `version`, the number in its ETag, to change it only if still current) and the change",
});
const BulkUpdateResult = bulkUpdateResultSchema.meta({ id: "BulkUpdateResult", description: "Each named ticket's outcome" });
export const RequesterTicket = requesterTicketSchema.meta({
  id: "RequesterTicket",
  description: "A ticket as its requester (the tracking key) sees it: without staff's triage, `priority` and `assignee`",
});
/** What a route open to staff, API tokens and the requester answers. */
export const TicketForReader = z
  .union([Ticket, RequesterTicket])
  .meta({ description: "The whole ticket for staff and API tokens; without `priority` and `assignee` for the tracking key" });
const CreatedTicket = z
  .union([
    ticketSchema.extend({ trackingUrl: createdTicketSchema.shape.trackingUrl }).meta({
      id: "CreatedTicket",
      description: "The filed ticket plus `trackingUrl`, the requester's private link (keep it secret), as staff and API tokens get it",
    }),
    createdTicketSchema.meta({
      id: "CreatedRequesterTicket",
      description: "The filed ticket plus `trackingUrl`, as anyone else (the requester) gets it: without `priority` and `assignee`",
    }),
  ])
  .meta({ description: "The filed ticket plus `trackingUrl`; `priority` and `assignee` only for staff and API tokens" });
const SPAM_NOTE =
  `\`${SPAM_SIGNALS.honeypotField}\` and \`${SPAM_SIGNALS.fillTimeField}\` are the submit form's spam signals: ` +
  `a non-empty \`${SPAM_SIGNALS.honeypotField}\` or a \`${SPAM_SIGNALS.fillTimeField}\` under ${SPAM_SIGNALS.minFillMs} ` +
  "is refused with one generic 422 (`path` \"\"); other clients leave both out.";
const CreateTicketInput = createTicketInput.meta({
  id: "CreateTicketInput",
  description:
    "The seed's create body. `status`, `createdAt` and `updatedAt` are honoured for API tokens only (imports); " +
    `anyone else's ticket starts \`open\`, now. \`attachments\` must be empty here: send files as multipart. ${SPAM_NOTE}`,
});
// The same fields as text parts (validated by the same schema), plus the files.
const { attachments: _noFilesInJson, ...ticketFormFields } = createTicketInput.shape;
const CreateTicketForm = z
  .strictObject({ ...ticketFormFields, attachments: attachmentFiles(0).optional() })
  .meta({
    id: "CreateTicketForm",
    description:
      "The create body as multipart/form-data: each field of `CreateTicketInput` as a text part (a name sent " +
      `twice is refused), and the files as parts named \`attachments\`. ${SPAM_NOTE}`,
  });
const TicketEvent = ticketEventSchema.meta({
  id: "TicketEvent",
  description:
    `One entry of a ticket's history (\`type\`: ${TICKET_EVENT_TYPES.join(", ")}); \`actor\` is \`requester\`, ` +
    "`token:<name>` or `staff:<email>`",
});
const IssuedTrackingLink = issuedTrackingLinkSchema.meta({
  id: "IssuedTrackingLink",
  description: "The ticket's new private link for the requester (keep it secret); every earlier link answers 404",
});
const TicketCountsSchema = ticketCountsSchema.meta({
  id: "TicketCounts",
  description: "How many tickets are in each status; every status is present (0 when none)",
});

const UpdateTicketInput = updateTicketInput.meta({
  id: "UpdateTicketInput",
  description: `At least one of \`status\` (a move the workflow allows: ${Object.entries(ALLOWED_MOVES)
    .map(([from, to]) => `${from} → ${to.length ? to.join(" | ") : "nothing (final)"}`)
    .join("; ")}), \`category\`, \`priority\` and \`assigneeId\` (a staff account's id, or null to unassign).`,
});

export const ticketIdPath = z.object({
  id: z.coerce.number().int().min(1).meta({ description: "The ticket's id", example: 1 }),
});
export const idempotencyKeyHeader = z.object({
  "Idempotency-Key": z
    .string()
    .regex(/^[\x21-\x7e]{1,255}$/)
    .optional()
    .meta({
      description:
        "Any unique string (e.g. a UUID). Retrying with the same key and body within 24 hours returns the first " +
        "answer instead of filing a second ticket; the same key with another body is a 422. Keys are per caller: " +
        "per API token or staff member, and for anonymous callers per client address.",
      example: "5b0f2a9c-0d7e-4a43-9a1f-8d2f1c2b7e10",
    }),
});
export const ifMatchHeader = z.object({
  "If-Match": z
    .string()
    .optional()
    .meta({ description: "The `ETag` you last saw; a newer version answers 412 instead of overwriting it", example: '"v3"' }),
});
export const trackingKeyParams = {
  query: z.object({
    key: z.string().optional().meta({ description: "The requester's tracking key (from `trackingUrl`)" }),
  }),
  header: z.object({
    "X-Tracking-Key": z.string().optional().meta({ description: "The tracking key as a header" }),
  }),
};

export const supportTicketPaths: ZodOpenApiPathsObject = {
  "/api/support-tickets": {
    get: {
      operationId: "listTickets",
      tags: ["Support tickets"],
      summary: "List tickets",
      description:
        `One page of tickets (default ${LIST_LIMIT.default}, at most ${LIST_LIMIT.max}), newest first. The body is a ` +
        "plain array; follow the `Link` header's `rel=\"next\"` URL for the next page. Repeat `status` or `priority` to " +
        "match several. `assignee` is `me` (a staff session's own tickets; an API token gets 422), `none` or a staff account's id.",
      security: security.staffOrToken,
      requestParams: { query: listTicketsQuery },
      responses: {
        200: {
          description: "One page of tickets",
          headers: z.object({ Link: headers.link.optional(), ...rateLimitHeaders }),
          content: { "application/json": { schema: z.array(Ticket), examples: { seed: seedExamples.ticketList } } },
        },
        ...problemResponses([401, 403, 422, 429, 500]),
      },
    },
    post: {
      operationId: "createTicket",
      tags: ["Support tickets"],
      summary: "File a ticket",
      description:
        "Anyone may file a ticket (rate-limited per client address). Send `Idempotency-Key` so a retry after a " +
        "network error cannot file it twice. Send JSON, or multipart/form-data to attach files in the same request " +
        "(all or nothing: a refused file files no ticket and stores nothing).",
      security: security.anyone,
      requestParams: { header: idempotencyKeyHeader },
      requestBody: {
        required: true,
        content: {
          "application/json": { schema: CreateTicketInput, examples: { seed: seedExamples.createRequest } },
          "multipart/form-data": { schema: CreateTicketForm, encoding: attachmentFilesEncoding },
        },
      },
      responses: {
        201: {
          description: "Filed",
          headers: z.object({
            Location: headers.location,
            ETag: headers.etag,
            "Idempotent-Replayed": headers.idempotentReplayed.optional(),
            ...rateLimitHeaders,
          }),
          content: { "application/json": { schema: CreatedTicket, examples: { seed: seedExamples.createdTicket } } },
        },
        ...problemResponses([400, 401, 403, 409, 413, 415, 422, 429, 500, 503, 507], {
          descriptions: {
            ...attachmentProblemDescriptions,
            400: "Malformed request (the body is not valid JSON, or the multipart body cannot be read)",
            415:
              "The body is neither `application/json` nor `multipart/form-data`, or a file's content is not an " +
              "allowed type (`errors` names it)",
          },
        }),
      },
    },
  },
  "/api/support-tickets/counts": {
    get: {
      operationId: "countTickets",
      tags: ["Support tickets"],
      summary: "Count tickets by status",
      description: "How many tickets are in each status, for the staff queue's tabs.",
      security: security.staffOrToken,
      responses: {
        200: {
          description: "The counts",
          content: { "application/json": { schema: TicketCountsSchema, examples: { counts: ticketExamples.counts } } },
        },
        ...problemResponses([401, 429, 500]),
      },
    },
  },
  "/api/support-tickets/bulk-update": {
    post: {
      operationId: "bulkUpdateTickets",
      tags: ["Support tickets"],
      summary: "Change many tickets at once",
      description:
        `One change — \`status\`, \`category\`, \`priority\` and/or \`assigneeId\`, as in PATCH — for up to ${BULK_LIMIT} tickets ` +
        "(the staff queue's selected rows). Each ticket is changed in its own transaction with PATCH's checks, so one " +
        "that cannot take the change (409 for a move the workflow does not allow, 412 when its `version` is not the " +
        "current one, 404) does not hold back the others. The answer is 200 with one result per ticket, in the order named.",
      security: security.staffOrToken,
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: BulkUpdateInput,
            examples: { take: { value: { tickets: [{ id: 41 }, { id: 42, version: 3 }], changes: { assigneeId: "ZAPbleoM68K40blMOjgNqpML2iMuqyfg", priority: "high" } } } },
          },
        },
      },
      responses: {
        200: { description: "One result per ticket: `status` 200 with `ticket`, or the problem's status with `problem`", content: { "application/json": { schema: BulkUpdateResult } } },
        ...problemResponses([400, 401, 403, 413, 415, 422, 429, 500]),
      },
    },
  },
  "/api/support-tickets/{id}/events": {
    get: {
      operationId: "listTicketEvents",
      tags: ["Support tickets"],
      summary: "A ticket's history",
      description: "Every recorded change of one ticket, oldest first, for staff, API tokens, or the requester's tracking key.",
      security: security.ticketReader,
      requestParams: { path: ticketIdPath, ...trackingKeyParams },
      responses: {
        200: {
          description: "The history, oldest first",
          content: { "application/json": { schema: z.array(TicketEvent), examples: { moved: ticketExamples.events } } },
        },
        ...problemResponses([401, 404, 429, 500]),
      },
    },
  },
  "/api/support-tickets/{id}/tracking-link": {
    post: {
      operationId: "issueTrackingLink",
      tags: ["Support tickets"],
      summary: "Issue a new private link",
      description:
        "Gives the ticket a new private tracking link, for when the requester's link was shared or leaked: the old " +
        "key then answers 404 everywhere (the API, the tracking page, downloads). Emails still waiting to be sent " +
        "carry the new link. Recorded in the audit log.",
      security: security.staffOrToken,
      requestParams: { path: ticketIdPath },
      responses: {
        200: {
          description: "The new link",
          headers: z.object(rateLimitHeaders),
          content: { "application/json": { schema: IssuedTrackingLink, examples: { issued: ticketExamples.issuedTrackingLink } } },
        },
        ...problemResponses([401, 403, 404, 429, 500]),
      },
    },
  },
  "/api/support-tickets/{id}": {
    get: {
      operationId: "getTicket",
      tags: ["Support tickets"],
      summary: "Get a ticket",
      description: "One ticket with its attachments, for staff, API tokens, or the requester's tracking key.",
      security: security.ticketReader,
      requestParams: { path: ticketIdPath, ...trackingKeyParams },
      responses: {
        200: {
          description: "The ticket",
          headers: z.object({ ETag: headers.etag, ...rateLimitHeaders }),
          content: { "application/json": { schema: TicketForReader, examples: { seed: seedExamples.ticket } } },
        },
        ...problemResponses([401, 404, 429, 500]),
      },
    },
    patch: {
      operationId: "updateTicket",
      tags: ["Support tickets"],
      summary: "Move or recategorise a ticket",
      description: "Moves a ticket through the workflow and/or changes its category. Send `If-Match` to avoid lost updates.",
      security: security.staffOrToken,
      requestParams: { path: ticketIdPath, header: ifMatchHeader },
      requestBody: {
        required: true,
        content: { "application/json": { schema: UpdateTicketInput, examples: { start: { value: { status: "in_progress" } } } } },
      },
      responses: {
        200: {
          description: "The updated ticket",
          headers: z.object({ ETag: headers.etag, ...rateLimitHeaders }),
          content: { "application/json": { schema: Ticket } },
        },
        ...problemResponses([400, 401, 403, 404, 409, 412, 413, 415, 422, 429, 500]),
      },
    },
  },
};
