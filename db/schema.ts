import { sql, type SQL } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { STAFF_ROLES } from "../lib/auth/actor";
import { LOCALES } from "../lib/i18n/locales";
import { INBOUND_EMAIL_OUTCOMES, INBOUND_EMAIL_SOURCES, type RefusedAttachment } from "../lib/inbound-email/schemas";
import { WEBHOOK_DELIVERY_STATUSES, WEBHOOK_ENDPOINT_STATUSES, WEBHOOK_EVENTS, type WebhookEvent } from "../lib/webhooks/schemas";
import { OUTBOX_KINDS, OUTBOX_STATUSES } from "../lib/notifications/schemas";
import { MESSAGE_AUTHOR_TYPES, MESSAGE_CHANNELS, MESSAGE_KINDS } from "../lib/tickets/message-schemas";
import type { ServiceLevels } from "../lib/sla/schemas";
import {
  AWAITING_PARTIES,
  CLOSED_REASONS,
  ROLE_CONTEXTS,
  type SlaTarget,
  TICKET_EVENT_TYPES,
  TICKET_PRIORITIES,
  TICKET_STATUSES,
} from "../lib/tickets/workflow";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
// postgres.js reads bytea as a Buffer, PGlite as a Uint8Array.
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value),
});

// Millisecond precision so a JavaScript Date (and so a pagination cursor) round-trips exactly.
const timestampMs = () => timestamp({ withTimezone: true, precision: 3 });

export const ticketStatus = pgEnum("ticket_status", TICKET_STATUSES);
export const roleContext = pgEnum("role_context", ROLE_CONTEXTS);
export const locale = pgEnum("locale", LOCALES);
export const awaitingParty = pgEnum("awaiting_party", AWAITING_PARTIES);
export const closedReason = pgEnum("closed_reason", CLOSED_REASONS);
export const ticketPriority = pgEnum("ticket_priority", TICKET_PRIORITIES);

export const categories = pgTable("categories", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  active: boolean().notNull().default(true),
  position: integer().notNull().default(0),
  /** What requesters and agents read, per language (admins edit it); the API and the tickets keep `name`. */
  labels: jsonb().$type<Partial<Record<(typeof LOCALES)[number], string>>>().notNull().default({}),
});

/** The one row of service-level settings (lib/sla/service-levels.ts reads and writes it). */
export const serviceLevels = pgTable("service_levels", {
  id: integer().primaryKey().default(1),
  settings: jsonb().$type<ServiceLevels>().notNull(),
  version: integer().notNull().default(1),
  updatedAt: timestampMs().notNull().defaultNow(),
});

export const messageKind = pgEnum("message_kind", MESSAGE_KINDS);
export const messageAuthorType = pgEnum("message_author_type", MESSAGE_AUTHOR_TYPES);
export const messageChannel = pgEnum("message_channel", MESSAGE_CHANNELS);

/**
 * A ticket whose first reply or first resolution has happened but whose business hours are not counted yet. The
 * business-hours job reads the partial index built on this condition, so its query must use the same one.
 */
export const BUSINESS_HOURS_UNCOUNTED = sql.raw(
  "(first_replied_at is not null and first_reply_business_hours is null) or (first_resolved_at is not null and resolution_business_hours is null)",
);

export const tickets = pgTable(
  "tickets",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    roleContext: roleContext().notNull(),
    fullName: text().notNull(),
    email: text().notNull(),
    subject: text().notNull(),
    category: text()
      .notNull()
      .references(() => categories.name, { onUpdate: "cascade" }),
    message: text().notNull(),
    status: ticketStatus().notNull().default("open"),
    priority: ticketPriority().notNull().default("normal"),
    /** The agent who owns the ticket; null while nobody does (and again if their account is deleted). */
    assigneeId: text().references((): AnyPgColumn => staffUsers.id, { onDelete: "set null" }),
    /** The requester's language: every email to them is written in it. */
    locale: locale().notNull().default("es"),
    /**
     * How it came in: the channel of its first message, written with the ticket. The default only serves instances of
     * the release before this column during a rolling restart (docs/deploy.md: migrations stay compatible for one).
     */
    channel: messageChannel().notNull().default("web"),
    /** Bumped on every change; the ETag and the `If-Match` precondition are built on it. */
    version: integer().notNull().default(1),
    /** Part of the private tracking key; staff issuing a new link bumps it, so the old link stops working. */
    trackingKeyVersion: integer().notNull().default(1),
    createdAt: timestampMs().notNull().defaultNow(),
    updatedAt: timestampMs().notNull().defaultNow(),
    /** When the last reply (not a note: requesters read this field) was written. */
    lastMessageAt: timestampMs().notNull().defaultNow(),
    awaiting: awaitingParty().default("staff"),
    closedReason: closedReason(),
    /** When the ticket last became resolved; auto-close and its reminder count from here. */
    resolvedAt: timestampMs(),
    /** Set when the reminder for the current resolution was queued, so it goes once. */
    reminderQueuedAt: timestampMs(),
    satisfactionRating: integer(),
    satisfactionComment: text(),
    satisfactionAt: timestampMs(),
    /** Unguessable, per ticket: the `{token}` of MAIL_REPLY_TO, so an emailed answer finds its ticket. */
    replyToken: text()
      .notNull()
      .unique()
      .default(sql`replace(gen_random_uuid()::text, '-', '')`),
    // Service levels (lib/sla/ticket-clocks.ts keeps these): the first-reply clock runs from creation until the first
    // public staff reply; the resolution clock runs while the ticket is in play and staff's turn, and adds up.
    firstRepliedAt: timestampMs(),
    /** Business minutes the resolution clock ran before `slaClockSince`. */
    slaUsedMinutes: doublePrecision().notNull().default(0),
    /** When the resolution clock last started; null while it is stopped (the requester's turn, resolved, closed). */
    slaClockSince: timestampMs(),
    firstReplyDueAt: timestampMs(),
    resolutionDueAt: timestampMs(),
    slaBreaches: text().array().$type<SlaTarget[]>().notNull().default(sql`'{}'::text[]`),
    // What the status history tells the reports, kept by a trigger on ticket_events (migration 0018), so a report
    // reads these from an index instead of every ticket's history.
    /** When the ticket first became resolved or closed by a move (not at creation: an import's status is not a move). */
    firstResolvedAt: timestampMs(),
    /** Whether it ever entered `resolved`, at creation (an import) or by a move. */
    everResolved: boolean().notNull().default(false),
    /** Whether it ever went back from `resolved` to `in_progress`. */
    everReopened: boolean().notNull().default(false),
    // The first-reply and resolution times in business hours, counted in the background by lib/reports/business-hours.ts
    // with the calendar whose fingerprint is beside them; a report reads them only while that calendar is in force.
    firstReplyBusinessHours: doublePrecision(),
    resolutionBusinessHours: doublePrecision(),
    businessHoursCalendar: text(),
    /** The next deadline, far in the future when none runs, so `sort=dueAt` has a key that is never null. */
    nextDueAt: timestampMs()
      .notNull()
      .generatedAlwaysAs(
        (): SQL => sql`coalesce(least(${tickets.firstReplyDueAt}, ${tickets.resolutionDueAt}), '9999-12-31T00:00:00Z'::timestamptz)`,
      ),
    search: tsvector().generatedAlwaysAs(
      (): SQL => sql`to_tsvector('english', ${tickets.subject} || ' ' || ${tickets.message})`,
    ),
  },
  (t) => [
    // Ascending (nulls last), so one index serves both sort directions: read backwards it is exactly
    // `order by … desc, id desc` (nulls first). A `desc nulls last` index matches neither direction.
    index("tickets_created_idx").on(t.createdAt, t.id),
    // The last four columns of these two are for the reports, grouped or filtered: the tickets changed in a range,
    // and the backlog now, are then read from the index alone.
    index("tickets_updated_idx").on(t.updatedAt, t.id, t.category, t.roleContext, t.locale, t.channel),
    index("tickets_status_created_idx").on(t.status, t.createdAt, t.id),
    index("tickets_status_updated_idx").on(t.status, t.updatedAt, t.id, t.category, t.roleContext, t.locale, t.channel),
    index("tickets_priority_created_idx").on(t.priority, t.createdAt, t.id),
    // The reports' category filter over a range of creation dates.
    index("tickets_category_created_idx").on(t.category, t.createdAt),
    // The reports' cohort, the tickets created in a range, with every column its figures and filters read, so the
    // query scans only the index (not the rows with their messages and search vectors).
    index("tickets_report_created_idx").on(
      t.createdAt,
      t.id,
      t.status,
      t.category,
      t.roleContext,
      t.locale,
      t.channel,
      t.firstRepliedAt,
      t.satisfactionRating,
      t.slaBreaches,
      t.firstResolvedAt,
      t.everResolved,
      t.everReopened,
      t.firstReplyBusinessHours,
      t.resolutionBusinessHours,
      t.businessHoursCalendar,
    ),
    index("tickets_assignee_created_idx").on(t.assigneeId, t.createdAt, t.id),
    index("tickets_email_idx").on(sql`lower(${t.email})`),
    index("tickets_search_idx").using("gin", t.search),
    index("tickets_status_due_idx").on(t.status, t.nextDueAt, t.id),
    index("tickets_due_idx").on(t.nextDueAt, t.id),
    // The breach job's scans: only running clocks whose breach is not recorded yet.
    index("tickets_first_reply_due_idx")
      .on(t.firstReplyDueAt)
      .where(sql`${t.firstReplyDueAt} is not null and not ('first_reply' = any(${t.slaBreaches}))`),
    index("tickets_resolution_due_idx")
      .on(t.resolutionDueAt)
      .where(sql`${t.resolutionDueAt} is not null and not ('resolution' = any(${t.slaBreaches}))`),
    // The auto-close job's scan: only resolved tickets are in it.
    index("tickets_resolved_at_idx").on(t.resolvedAt).where(sql`${t.status} = 'resolved'`),
    // The business-hours job's scans: tickets with a time not counted yet, and those counted with another calendar.
    index("tickets_business_hours_uncounted_idx").on(t.id).where(BUSINESS_HOURS_UNCOUNTED),
    index("tickets_business_hours_calendar_idx").on(t.businessHoursCalendar).where(sql`${t.businessHoursCalendar} is not null`),
  ],
);

/** A ticket's conversation: the requester's original message (written with the ticket), replies and staff notes. */
export const ticketMessages = pgTable(
  "ticket_messages",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    kind: messageKind().notNull(),
    authorType: messageAuthorType().notNull(),
    /** The name shown with the message: the requester's, the agent's account name, or the API token's name. */
    authorName: text().notNull(),
    body: text().notNull(),
    channel: messageChannel().notNull(),
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [index("ticket_messages_ticket_idx").on(t.ticketId, t.id)],
);

export const attachments = pgTable(
  "attachments",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    size: integer().notNull(),
    storageKey: text().notNull().unique(),
    /** Where UploadThing serves the file; null on local disk. */
    storageUrl: text(),
    /** The message it came with; null for files added to the ticket itself. */
    messageId: integer().references(() => ticketMessages.id, { onDelete: "cascade" }),
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [index("attachments_ticket_idx").on(t.ticketId), index("attachments_message_idx").on(t.messageId)],
);

export const ticketEventType = pgEnum("ticket_event_type", TICKET_EVENT_TYPES);

export const ticketEvents = pgTable(
  "ticket_events",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    type: ticketEventType().notNull(),
    fromValue: text(),
    toValue: text(),
    /** Who did it, as shown in the timeline: "requester", "token:<name>", "staff:<email>", "system:email". */
    actor: text().notNull(),
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [
    index("ticket_events_ticket_idx").on(t.ticketId, t.id),
    // The reports' status changes of a range of days (the backlog and closings): every column they read is in the
    // index, so they scan only it. What each ticket's history tells the cohort is kept on the ticket (migration 0018).
    index("ticket_events_status_time_idx")
      .on(t.createdAt, t.ticketId, t.type, t.fromValue, t.toValue)
      .where(sql`${t.type} in ('created', 'status_changed')`),
  ],
);

export const apiTokens = pgTable("api_tokens", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull(),
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  tokenHash: text().notNull().unique(),
  createdAt: timestampMs().notNull().defaultNow(),
  lastUsedAt: timestampMs(),
  revokedAt: timestampMs(),
});

export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    scope: text().notNull(),
    key: text().notNull(),
    requestHash: text().notNull(),
    /** Null while the first request is still running. */
    responseStatus: integer(),
    responseBody: jsonb(),
    responseHeaders: jsonb().$type<Record<string, string>>(),
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("idempotency_scope_key_idx").on(t.scope, t.key), index("idempotency_created_idx").on(t.createdAt)],
);

// Staff accounts and sessions, managed by better-auth (lib/auth/staff-auth.ts maps its models here).
export const staffRole = pgEnum("staff_role", STAFF_ROLES);

export const staffUsers = pgTable("staff_users", {
  id: text().primaryKey(),
  name: text().notNull(),
  email: text().notNull().unique(),
  emailVerified: boolean().notNull().default(false),
  image: text(),
  role: staffRole().notNull().default("agent"),
  /** A disabled account cannot sign in and has no sessions left. */
  disabled: boolean().notNull().default(false),
  /** Set on a generated first password: the account must choose its own before using the desk. */
  mustChangePassword: boolean().notNull().default(false),
  /** The desk's language for this agent; null follows their browser. */
  locale: locale(),
  /** Takes new tickets by round robin (lib/tickets/auto-assign.ts) while true; each agent sets it for themselves. */
  available: boolean().notNull().default(false),
  /** At most this many open or in-progress tickets from round robin; null for no limit (admins set it). */
  openTicketCap: integer(),
  /** When round robin last gave this account a ticket: the next one goes to whoever waited longest. */
  lastAssignedAt: timestampMs(),
  createdAt: timestampMs().notNull().defaultNow(),
  updatedAt: timestampMs().notNull().defaultNow(),
});

export const staffSessions = pgTable(
  "staff_sessions",
  {
    id: text().primaryKey(),
    /** The value of the session cookie (signed there); looked up on every request. */
    token: text().notNull().unique(),
    userId: text()
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    expiresAt: timestampMs().notNull(),
    ipAddress: text(),
    userAgent: text(),
    createdAt: timestampMs().notNull().defaultNow(),
    updatedAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [index("staff_sessions_user_idx").on(t.userId)],
);

export const staffAccounts = pgTable(
  "staff_accounts",
  {
    id: text().primaryKey(),
    accountId: text().notNull(),
    providerId: text().notNull(),
    userId: text()
      .notNull()
      .references(() => staffUsers.id, { onDelete: "cascade" }),
    /** scrypt hash (better-auth's default) for the "credential" provider. */
    password: text(),
    accessToken: text(),
    refreshToken: text(),
    idToken: text(),
    accessTokenExpiresAt: timestampMs(),
    refreshTokenExpiresAt: timestampMs(),
    scope: text(),
    createdAt: timestampMs().notNull().defaultNow(),
    updatedAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [index("staff_accounts_user_idx").on(t.userId)],
);

export const authVerifications = pgTable("auth_verifications", {
  id: text().primaryKey(),
  identifier: text().notNull(),
  value: text().notNull(),
  expiresAt: timestampMs().notNull(),
  createdAt: timestampMs().notNull().defaultNow(),
  updatedAt: timestampMs().notNull().defaultNow(),
});

export const outboxKind = pgEnum("outbox_kind", OUTBOX_KINDS);
export const outboxStatus = pgEnum("outbox_status", OUTBOX_STATUSES);

/** Emails to requesters, written in the transaction of the ticket change they announce and sent by the outbox worker. */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The RFC 5322 Message-ID, fixed when the message is written, so a resend after a crash can be recognised. */
    messageId: text().notNull().unique(),
    ticketId: integer()
      .notNull()
      .references(() => tickets.id, { onDelete: "cascade" }),
    kind: outboxKind().notNull(),
    recipientName: text().notNull(),
    recipientEmail: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    /** The language the message is written in (its Content-Language). */
    locale: locale().notNull().default("es"),
    /** The Message-ID of the ticket's first email, for In-Reply-To and References; null on that first email. */
    inReplyTo: text(),
    /** MAIL_REPLY_TO with the ticket's reply token, when inbound email is configured. */
    replyTo: text(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** When a pending message is due; while a worker holds it, the end of that worker's lease. */
    nextAttemptAt: timestampMs().notNull().defaultNow(),
    lastError: text(),
    sentAt: timestampMs(),
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [
    index("outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("outbox_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("outbox_ticket_idx").on(t.ticketId),
  ],
);

/** Rate-limit counters (rate-limiter-flexible's drizzle store): one row per limiter key and window. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    points: integer().notNull().default(0),
    expire: timestampMs(),
  },
  (t) => [index("rate_limits_expire_idx").on(t.expire)],
);

/** Settings the instances share, e.g. the generated app secret; each row is written once, race-free (insert … on conflict do nothing). */
export const appSettings = pgTable("app_settings", {
  key: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestampMs().notNull().defaultNow(),
});

/** Admin actions (tokens, accounts) and failed sign-ins, for admins to read. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** e.g. "api_token.created", "staff_account.disabled", "sign_in.failed". */
    action: text().notNull(),
    /** Who did it: "staff:<email>", "token:<name>", "cli", or the account a failed sign-in named. */
    actor: text().notNull(),
    /** What it was done to, e.g. "api_token:3" or "staff_account:<id>". */
    target: text(),
    detail: jsonb().$type<Record<string, unknown>>(),
    ipAddress: text(),
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [index("audit_log_created_idx").on(t.createdAt.desc(), t.id.desc())],
);

export const inboundEmailSource = pgEnum("inbound_email_source", INBOUND_EMAIL_SOURCES);
export const inboundEmailOutcome = pgEnum("inbound_email_outcome", INBOUND_EMAIL_OUTCOMES);

/**
 * Every email that reached us (lib/inbound-email/take-email.ts), taken once by its Message-ID, with what became of
 * it and the original for staff to open.
 */
export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** The Message-ID header, or `sha256:<hex>` of the message when it has none: the same message twice is taken once. */
    messageId: text().notNull().unique(),
    source: inboundEmailSource().notNull(),
    /** The From address, lower-cased ('' when the message has none). */
    fromAddress: text().notNull(),
    subject: text().notNull().default(""),
    outcome: inboundEmailOutcome().notNull(),
    /** Why it was ignored or refused, or which rule found the ticket of a reply. */
    reason: text(),
    ticketId: integer().references(() => tickets.id, { onDelete: "set null" }),
    /** The conversation message it became. */
    ticketMessageId: integer().references(() => ticketMessages.id, { onDelete: "cascade" }),
    refusedAttachments: jsonb().$type<RefusedAttachment[]>().notNull().default([]),
    /** The message as received; null when it was refused for its size. */
    raw: bytea(),
    size: integer().notNull(),
    receivedAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [
    index("inbound_emails_sender_idx").on(sql`lower(${t.fromAddress})`, t.receivedAt),
    uniqueIndex("inbound_emails_ticket_message_idx").on(t.ticketMessageId),
    index("inbound_emails_received_idx").on(t.receivedAt.desc(), t.id.desc()),
  ],
);

export const webhookEndpointStatus = pgEnum("webhook_endpoint_status", WEBHOOK_ENDPOINT_STATUSES);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", WEBHOOK_DELIVERY_STATUSES);
export const webhookEventType = pgEnum("webhook_event_type", WEBHOOK_EVENTS);

/** Where external clients hear about tickets (lib/webhooks/), registered by admins. */
export const webhookEndpoints = pgTable("webhook_endpoints", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  url: text().notNull(),
  description: text().notNull().default(""),
  events: webhookEventType().array().$type<WebhookEvent[]>().notNull(),
  /** The Standard Webhooks signing secret (`whsec_…`); it must be kept to sign, and is shown to admins once. */
  secret: text().notNull(),
  /** After a rotation, the old secret signs too until `previousSecretExpiresAt`, so receivers can switch without a gap. */
  previousSecret: text(),
  previousSecretExpiresAt: timestampMs(),
  status: webhookEndpointStatus().notNull().default("active"),
  statusReason: text(),
  consecutiveFailures: integer().notNull().default(0),
  createdAt: timestampMs().notNull().defaultNow(),
  updatedAt: timestampMs().notNull().defaultNow(),
});

/** One event for one endpoint, written in the transaction of the change it announces and sent by the delivery worker. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    endpointId: integer()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    /** The `webhook-id` header: fixed when the event is written, the same on every retry and replay. */
    webhookId: text().notNull(),
    eventType: webhookEventType().notNull(),
    /** The body exactly as it is signed and sent. */
    payload: text().notNull(),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    /** When a pending delivery is due; while a worker holds it, the end of that worker's lease. */
    nextAttemptAt: timestampMs().notNull().defaultNow(),
    lastStatusCode: integer(),
    lastError: text(),
    lastResponseBody: text(),
    lastDurationMs: integer(),
    createdAt: timestampMs().notNull().defaultNow(),
    deliveredAt: timestampMs(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_idx").on(t.endpointId, t.id.desc()),
  ],
);
