import { sql, type SQL } from "drizzle-orm";
import {
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { ROLE_CONTEXTS, TICKET_STATUSES } from "../lib/tickets/workflow";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

// Millisecond precision so a JavaScript Date (and so a pagination cursor) round-trips exactly.
const timestampMs = () => timestamp({ withTimezone: true, precision: 3 });

export const ticketStatus = pgEnum("ticket_status", TICKET_STATUSES);
export const roleContext = pgEnum("role_context", ROLE_CONTEXTS);

export const categories = pgTable("categories", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  name: text().notNull().unique(),
  active: boolean().notNull().default(true),
  position: integer().notNull().default(0),
});

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
    /** Bumped on every change; the ETag and the `If-Match` precondition are built on it. */
    version: integer().notNull().default(1),
    createdAt: timestampMs().notNull().defaultNow(),
    updatedAt: timestampMs().notNull().defaultNow(),
    search: tsvector().generatedAlwaysAs(
      (): SQL => sql`to_tsvector('english', ${tickets.subject} || ' ' || ${tickets.message})`,
    ),
  },
  (t) => [
    index("tickets_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("tickets_updated_idx").on(t.updatedAt.desc(), t.id.desc()),
    index("tickets_status_created_idx").on(t.status, t.createdAt.desc(), t.id.desc()),
    index("tickets_status_updated_idx").on(t.status, t.updatedAt.desc(), t.id.desc()),
    index("tickets_email_idx").on(sql`lower(${t.email})`),
    index("tickets_search_idx").using("gin", t.search),
  ],
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
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [index("attachments_ticket_idx").on(t.ticketId)],
);

export const ticketEventType = pgEnum("ticket_event_type", [
  "created",
  "status_changed",
  "category_changed",
  "attachment_added",
]);

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
    /** Who did it, as shown in the timeline: "requester", "token:<name>", "staff:<email>". */
    actor: text().notNull(),
    createdAt: timestampMs().notNull().defaultNow(),
  },
  (t) => [index("ticket_events_ticket_idx").on(t.ticketId, t.id)],
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
