import { z } from "zod";
import { pageLimit } from "@/lib/zod/page-limit";
import { problemSchema } from "@/lib/errors";
import { LOCALES } from "@/lib/i18n/locales";
import { textField } from "@/lib/zod/text";
import { SPAM_SIGNALS } from "./spam-signals";
import { AWAITING_PARTIES, CLOSED_REASONS, ROLE_CONTEXTS, SLA_TARGETS, TICKET_EVENT_TYPES, TICKET_PRIORITIES, TICKET_STATUSES, type TicketStatus } from "./workflow";

// Shared by the API, the submit form and the OpenAPI document: no server imports here.

export const TICKET_LIMITS = {
  fullName: 120,
  email: 254,
  subject: 200,
  category: 100,
  message: 10_000,
} as const;

export const roleContextSchema = z.enum(ROLE_CONTEXTS, { error: 'Choose "tourist" or "guide"' });
export const localeSchema = z.enum(LOCALES, { error: `Locale must be one of: ${LOCALES.join(", ")}` });
export const ticketPrioritySchema = z.enum(TICKET_PRIORITIES, {
  error: `Priority must be one of: ${TICKET_PRIORITIES.join(", ")}`,
});
export const ticketStatusSchema = z.enum(TICKET_STATUSES, {
  error: `Status must be one of: ${TICKET_STATUSES.join(", ")}`,
});
const isoTimestamp = z.iso.datetime({ offset: true, error: "Use an ISO 8601 timestamp, e.g. 2026-03-10T11:00:00Z" });

export const ticketFieldsInput = z.object({
  roleContext: roleContextSchema,
  fullName: textField("Full name", { max: TICKET_LIMITS.fullName }),
  email: z
    .string({ error: "Email is required" })
    .trim()
    .max(TICKET_LIMITS.email, `Email must be at most ${TICKET_LIMITS.email} characters`)
    .email("Enter a valid email address"),
  category: textField("Category", { max: TICKET_LIMITS.category }),
  subject: textField("Subject", { max: TICKET_LIMITS.subject }),
  message: textField("Message", { max: TICKET_LIMITS.message, lines: "multi" }),
});
export type TicketFieldsInput = z.infer<typeof ticketFieldsInput>;

const LOOKS_AUTOMATED = "We could not accept this ticket. Please wait a few seconds and send it again.";

/** The seed's create body. `status`, `createdAt` and `updatedAt` are honoured for API tokens only (imports). */
export const createTicketInput = z
  .strictObject({
    ...ticketFieldsInput.shape,
    status: ticketStatusSchema.optional(),
    createdAt: isoTimestamp.optional(),
    updatedAt: isoTimestamp.optional(),
    /** The requester's language for every email about the ticket; unset → the language of the request. */
    locale: localeSchema.optional(),
    attachments: z
      .array(z.unknown())
      .max(0, "Send files as multipart/form-data fields named attachments")
      .optional(),
    // Spam signals from the submit form (see spam-signals.ts); multipart text parts arrive as strings.
    [SPAM_SIGNALS.honeypotField]: z.string().max(1_000).optional(),
    [SPAM_SIGNALS.fillTimeField]: z.coerce.number().int().min(0).optional(),
  })
  .superRefine((input, context) => {
    const fillMs = input[SPAM_SIGNALS.fillTimeField];
    const tooFast = fillMs !== undefined && fillMs < SPAM_SIGNALS.minFillMs;
    // One generic message for both, so a bot learns nothing about which check it tripped.
    if (input[SPAM_SIGNALS.honeypotField] || tooFast) context.addIssue({ code: "custom", path: [], message: LOOKS_AUTOMATED, params: { reason: "looks_automated" } });
  });
export type CreateTicketInput = z.infer<typeof createTicketInput>;

export const updateTicketInput = z
  .strictObject({
    status: ticketStatusSchema.optional(),
    category: textField("Category", { max: TICKET_LIMITS.category }).optional(),
    priority: ticketPrioritySchema.optional(),
    /** A staff account's id; null unassigns. */
    assigneeId: z.string({ error: "assigneeId must be a staff account's id or null" }).min(1).max(100).nullable().optional(),
    /** False moves the ticket without emailing the requester (e.g. a silent close of spam). */
    notify: z.boolean({ error: "notify must be true or false" }).optional(),
  })
  .refine((changes) => [changes.status, changes.category, changes.priority, changes.assigneeId].some((change) => change !== undefined), {
    message: "Send at least one of: status, category, priority, assigneeId",
  });
export type UpdateTicketInput = z.infer<typeof updateTicketInput>;

/** The most tickets one bulk change may name. */
export const BULK_LIMIT = 100;

/** One change for many tickets (the queue's selected rows); a ticket's `version` makes it conditional, as `If-Match`. */
export const bulkUpdateInput = z.strictObject({
  tickets: z
    .array(z.strictObject({ id: z.int().min(1), version: z.int().min(1).optional() }))
    .min(1, "Name at least one ticket")
    .max(BULK_LIMIT, `At most ${BULK_LIMIT} tickets at a time`)
    .refine((tickets) => new Set(tickets.map((ticket) => ticket.id)).size === tickets.length, { message: "Name each ticket once" }),
  changes: updateTicketInput,
});
export type BulkUpdateInput = z.infer<typeof bulkUpdateInput>;


/** `dueAt`: the next service-level deadline first (tickets whose clocks are stopped last, oldest first among them). */
export const TICKET_SORTS = ["-createdAt", "createdAt", "-updatedAt", "updatedAt", "dueAt"] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export const LIST_LIMIT = { default: 50, max: 100 } as const;
export const SEARCH_TEXT_MAX = 200;

export const listTicketsQuery = z.strictObject({
  status: z.array(ticketStatusSchema).optional(),
  priority: z.array(ticketPrioritySchema).optional(),
  /** `me` (a staff session's own), `none` (unassigned) or a staff account's id. */
  assignee: z.string().min(1).max(100, "assignee must be me, none or a staff account's id").optional(),
  category: textField("Category", { max: TICKET_LIMITS.category }).optional(),
  roleContext: roleContextSchema.optional(),
  email: textField("Email", { max: TICKET_LIMITS.email }).optional(),
  q: textField("Search text", { max: SEARCH_TEXT_MAX }).optional(),
  createdAfter: isoTimestamp.optional(),
  createdBefore: isoTimestamp.optional(),
  sort: z.enum(TICKET_SORTS, { error: `Sort must be one of: ${TICKET_SORTS.join(", ")}` }).default("-createdAt"),
  limit: pageLimit(LIST_LIMIT),
  cursor: z.string().max(500).optional(),
});
export type ListTicketsQuery = z.infer<typeof listTicketsQuery>;

export const attachmentSchema = z.object({
  id: z.int(),
  fileName: z.string(),
  fileUrl: z.url(),
});

export const SATISFACTION_RATING = { min: 1, max: 5 } as const;

/** The requester's rating of a closed ticket; their own words, so the tracking key sees it as staff do. */
export const satisfactionSchema = z.object({
  rating: z.int().min(SATISFACTION_RATING.min).max(SATISFACTION_RATING.max),
  comment: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type Satisfaction = z.infer<typeof satisfactionSchema>;

/** A ticket exactly as the seed shows it. */
export const ticketSchema = z.object({
  id: z.int(),
  roleContext: roleContextSchema,
  fullName: z.string(),
  email: z.string(),
  subject: z.string(),
  category: z.string(),
  message: z.string(),
  status: ticketStatusSchema,
  /** Beside the seed's fields: how urgent staff consider it (`normal` unless changed). */
  priority: ticketPrioritySchema,
  /** The agent who owns it, or null. */
  assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Its service levels: each running clock's deadline (null when that clock is stopped) and the targets it missed. */
  sla: z.object({
    firstReplyDueAt: z.iso.datetime().nullable(),
    resolutionDueAt: z.iso.datetime().nullable(),
    breached: z.array(z.enum(SLA_TARGETS)),
  }),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  attachments: z.array(attachmentSchema),
  /** Beside the seed's fields: the requester's language (every email to them is in it). */
  locale: localeSchema,
  /** When the last reply was written (notes do not count). */
  lastMessageAt: z.iso.datetime(),
  /** Whose turn it is: staff (the requester wrote last), the requester (staff answered or resolved), null when closed. */
  awaiting: z.enum(AWAITING_PARTIES).nullable(),
  closedReason: z.enum(CLOSED_REASONS).nullable(),
  satisfaction: satisfactionSchema.nullable(),
});
export type Ticket = z.infer<typeof ticketSchema>;
/** A ticket as its requester sees it: without staff's triage (priority, owner, service levels). */
export const requesterTicketSchema = ticketSchema.omit({ priority: true, assignee: true, sla: true });
export type RequesterTicket = z.infer<typeof requesterTicketSchema>;
export type TicketAssignee = NonNullable<Ticket["assignee"]>;

/** Each named ticket's outcome, in the order named: its HTTP status with the ticket (200) or the problem. */
export const bulkUpdateResultSchema = z.object({
  results: z.array(
    z.object({ id: z.int(), status: z.int(), ticket: ticketSchema.optional(), problem: problemSchema.optional() }),
  ),
});
export type BulkUpdateResult = z.infer<typeof bulkUpdateResultSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;

/** One entry of a ticket's history timeline. */
export const ticketEventSchema = z.object({
  id: z.int(),
  type: z.enum(TICKET_EVENT_TYPES),
  fromValue: z.string().nullable(),
  toValue: z.string().nullable(),
  actor: z.string(),
  createdAt: z.iso.datetime(),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;

/** One page of the list: the API answers with the tickets as the body and the next page's cursor in its Link header. */
export interface TicketPage {
  tickets: Ticket[];
  nextCursor: string | null;
}

const ticketCount = z.int().min(0);
/**
 * How many tickets are in each status, every status included (zero when none). An object with a key per
 * status rather than a record keyed by the status enum: the OpenAPI document then lists each key as a
 * property, which typed clients turn into named fields.
 */
export const ticketCountsSchema = z.strictObject(
  Object.fromEntries(TICKET_STATUSES.map((status) => [status, ticketCount])) as Record<TicketStatus, typeof ticketCount>,
);
export type TicketCounts = z.infer<typeof ticketCountsSchema>;

/** A freshly filed ticket: the seed's body plus the requester's private tracking link. */
export const createdTicketSchema = requesterTicketSchema.extend({ trackingUrl: z.url() });
export type CreatedTicket = z.infer<typeof createdTicketSchema>;

/** A ticket's new private tracking link; the one before it no longer opens anything. */
export const issuedTrackingLinkSchema = z.object({ trackingUrl: z.url() });
export type IssuedTrackingLink = z.infer<typeof issuedTrackingLinkSchema>;
