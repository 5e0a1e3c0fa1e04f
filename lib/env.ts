import { isIP } from "node:net";
import { z } from "zod";
import { ATTACHMENT_TYPE_NAMES } from "./attachments/types";
import { LOCALES } from "./i18n/locales";
import { ROLE_CONTEXTS } from "./tickets/workflow";
import { isTimeZone } from "./i18n/time-zone";

// An empty variable (`FOO=`) means "unset", as in most deployment tools.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

const WINDOW_SECONDS = { s: 1, m: 60, h: 3600, d: 86_400 } as const;

/** A rate-limit budget such as `10/1m,50/1h`: every window must have room for a request to pass. */
const rateLimitPolicy = (fallback: string) =>
  optional(
    z.string().regex(/^\s*\d+\/\d*[smhd]\s*(,\s*\d+\/\d*[smhd]\s*)*$/, "must look like 10/1m,50/1h (units s, m, h, d)"),
  ).transform((policy) =>
    (policy ?? fallback).split(",").map((window) => {
      const [, points, count, unit] = /(\d+)\/(\d*)([smhd])/.exec(window)!;
      return { points: Number(points), seconds: Number(count || 1) * WINDOW_SECONDS[unit as keyof typeof WINDOW_SECONDS] };
    }),
  );
function isAddressOrRange(entry: string): boolean {
  const [address = "", prefix] = entry.split("/");
  const family = isIP(address);
  if (family === 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}
export type RateLimitWindow = { points: number; seconds: number };

const envSchema = z.object({
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")),
  DATA_DIR: optional(z.string()).transform((dir) => dir ?? "./data"),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).transform((port) => port ?? 3000),
  APP_URL: optional(z.url({ protocol: /^https?$/ })),
  DATABASE_POOL_SIZE: optional(z.coerce.number().int().min(1).max(100)).transform((size) => size ?? 10),
  /** How long one PostgreSQL statement may run; 0 = no limit (e.g. for maintenance commands on a large database). */
  DATABASE_STATEMENT_TIMEOUT_MS: optional(z.coerce.number().int().min(0)).transform((ms) => ms ?? 15_000),
  APP_SECRET: optional(z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)")),
  RATE_LIMITS: optional(z.enum(["on", "off"])).transform((value) => value ?? "on"),
  RATE_LIMIT_PUBLIC: rateLimitPolicy("120/1m"),
  RATE_LIMIT_PUBLIC_CREATE: rateLimitPolicy("10/1m,50/1h"),
  RATE_LIMIT_AUTHENTICATED: rateLimitPolicy("600/1m"),
  RATE_LIMIT_SIGN_IN: rateLimitPolicy("5/1m,20/1h"),
  /** Sign-in attempts on one account from every address together (slows a botnet guessing one password). */
  RATE_LIMIT_SIGN_IN_ACCOUNT: rateLimitPolicy("10/15m,50/1d"),
  /** Sign-in attempts from one address on every account together (slows credential stuffing). */
  RATE_LIMIT_SIGN_IN_ADDRESS: rateLimitPolicy("20/15m,100/1d"),
  REDIS_URL: optional(z.string().regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")),
  /** Addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed, e.g. `10.0.0.0/8,::1`. */
  TRUSTED_PROXIES: optional(z.string())
    .transform((list) => (list ?? "").split(",").map((entry) => entry.trim()).filter(Boolean))
    .refine((entries) => entries.every(isAddressOrRange), "must be IP addresses or CIDR ranges, comma-separated"),
  /** How long a staff session may live from its sign-in, however active (e.g. `30d`, `12h`). */
  STAFF_SESSION_MAX_AGE: optional(z.string().regex(/^\s*[1-9]\d*[smhd]\s*$/, "must look like 30d (units s, m, h, d)")).transform(
    (duration) => {
      const [, count, unit] = /(\d+)([smhd])/.exec(duration ?? "30d")!;
      return Number(count) * WINDOW_SECONDS[unit as keyof typeof WINDOW_SECONDS];
    },
  ),
  /** The language of public pages when the browser asks for none we have, and of tickets filed without one. */
  DEFAULT_LOCALE: optional(z.enum(LOCALES, `must be one of: ${LOCALES.join(", ")}`)).transform((locale) => locale ?? "es"),
  /** The IANA time zone dates in emails are written in (pages use the reader's browser). */
  DEFAULT_TIME_ZONE: optional(z.string().refine(isTimeZone, "must be an IANA time zone such as America/Mexico_City")).transform(
    (zone) => zone ?? "America/Mexico_City",
  ),
  NODE_ENV: optional(z.enum(["development", "production", "test"])),
  /** Set → attachments are stored on UploadThing; unset → on local disk under DATA_DIR/attachments. */
  UPLOADTHING_TOKEN: optional(z.string().min(1)),
  ATTACHMENT_TYPES: optional(
    z
      .string()
      .transform((list) => list.split(",").map((name) => name.trim().toLowerCase()).filter(Boolean))
      .pipe(z.array(z.enum(ATTACHMENT_TYPE_NAMES, `use a comma-separated list of: ${ATTACHMENT_TYPE_NAMES.join(", ")}`)).min(1)),
  ).transform((types) => types ?? [...ATTACHMENT_TYPE_NAMES]),
  ATTACHMENT_MAX_BYTES: optional(z.coerce.number().int().min(1).max(1024 ** 3)).transform(
    (bytes) => bytes ?? 10 * 1024 * 1024,
  ),
  ATTACHMENT_MAX_FILES: optional(z.coerce.number().int().min(1).max(100)).transform((count) => count ?? 5),
  /** All of one ticket's files together. */
  ATTACHMENT_MAX_TICKET_BYTES: optional(z.coerce.number().int().min(1)).transform((bytes) => bytes ?? 25 * 1024 * 1024),
  /** Uploads are refused (507) when storing them would leave less free space than this on the attachments' volume. */
  ATTACHMENT_MIN_FREE_BYTES: optional(z.coerce.number().int().min(0)).transform((bytes) => bytes ?? 1024 ** 3),
  /** Where notification emails go; unset writes them as .eml files under DATA_DIR/mail instead. */
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")),
  MAIL_FROM: optional(z.string().regex(/^[^\r\n]+$/, "must be one line")).transform(
    (from) => from ?? "Kinconecta Support <support@kinconecta.local>",
  ),
  /**
   * Reply-To of every email to a requester, with `{token}` standing for the ticket's unguessable reply token
   * (e.g. `support+{token}@example.com`), so an emailed answer finds its ticket; unset → no Reply-To.
   */
  MAIL_REPLY_TO: optional(
    z.string().regex(/^[^\s@<>"]*\{token\}[^\s@<>"]*@[^\s@<>"]+\.[^\s@<>"]+$/, "must be an address with {token} before the @, e.g. support+{token}@example.com"),
  ),
  /**
   * The support mailbox the server watches for email (`imaps://user:password@host/INBOX`; `imap://` only on a
   * trusted network): each new message is taken once and marked seen. Unset → no mailbox is watched.
   */
  IMAP_URL: optional(
    z
      .url({ protocol: /^imaps?$/, error: "must be an imap:// or imaps:// URL such as imaps://user:password@mail.example.com/INBOX" })
      .refine((url) => new URL(url).username !== "" && new URL(url).password !== "", "must carry the user and password (imaps://user:password@host/INBOX)"),
  ),
  /** How often the mailbox is checked when the server does not announce new mail itself (IMAP IDLE does, at once). */
  IMAP_POLL_MS: optional(z.coerce.number().int().min(100)).transform((ms) => ms ?? 60_000),
  /** The Bearer token a mail provider sends with POST /api/inbound-email; unset → that endpoint answers 404. */
  INBOUND_EMAIL_SECRET: optional(z.string().min(32, "must be at least 32 characters (e.g. openssl rand -base64 32)")),
  /** The role context of tickets opened by email (the email cannot say whether its sender is a tourist or a guide). */
  INBOUND_EMAIL_ROLE: optional(z.enum(ROLE_CONTEXTS, `must be one of: ${ROLE_CONTEXTS.join(", ")}`)).transform(
    (role) => role ?? "tourist",
  ),
  /** The category of tickets opened by email; checked against the categories at start. */
  INBOUND_EMAIL_CATEGORY: optional(z.string().trim().min(1)).transform((category) => category ?? "General Inquiry"),
  /** The largest message taken whole, attachments included (mail providers cap messages at 25–35 MB). */
  INBOUND_EMAIL_MAX_BYTES: optional(z.coerce.number().int().min(1024).max(1024 ** 3)).transform((bytes) => bytes ?? 40 * 1024 * 1024),
  /** Emails taken from one sender in an hour; past it they are recorded as rate_limited and change nothing. */
  INBOUND_EMAILS_PER_SENDER_PER_HOUR: optional(z.coerce.number().int().min(1)).transform((count) => count ?? 30),
  /**
   * How long a resolved ticket waits for the requester before it closes by itself (`7d`, `12h`, `4s`…;
   * `off` never); a reminder is emailed at half that time.
   */
  AUTO_CLOSE_AFTER: optional(z.string().regex(/^\s*(off|[1-9]\d*[smhd])\s*$/, "must be off or look like 7d (units s, m, h, d)")).transform(
    (duration) => {
      const value = (duration ?? "7d").trim();
      if (value === "off") return null;
      const [, count, unit] = /(\d+)([smhd])/.exec(value)!;
      return Number(count) * WINDOW_SECONDS[unit as keyof typeof WINDOW_SECONDS];
    },
  ),
  /** How often the auto-close job looks for resolved tickets due a reminder or closing; unset → a tenth of AUTO_CLOSE_AFTER, at most a minute. */
  AUTO_CLOSE_POLL_MS: optional(z.coerce.number().int().min(10)),
  /** How often the service-level job looks for deadlines that have passed, to record each breach once. */
  SLA_POLL_MS: optional(z.coerce.number().int().min(10)).transform((value) => value ?? 30_000),
  /** Lets webhooks call loopback and private addresses (tests, a receiver on the same network); off, they are refused. */
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: optional(z.enum(["true", "false"], "must be true or false")).transform((value) => value === "true"),
  /** How often the webhook worker looks for due deliveries. */
  WEBHOOK_POLL_MS: optional(z.coerce.number().int().min(10)).transform((ms) => ms ?? 250),
  /** How long a receiver has to answer one delivery. */
  WEBHOOK_TIMEOUT_MS: optional(z.coerce.number().int().min(100).max(60_000)).transform((ms) => ms ?? 10_000),
  /** First retry delay; each further one doubles (with jitter), at most 10 h: with 20 attempts, about 3 days. */
  WEBHOOK_RETRY_BASE_MS: optional(z.coerce.number().int().min(1)).transform((ms) => ms ?? 5_000),
  WEBHOOK_MAX_ATTEMPTS: optional(z.coerce.number().int().min(1).max(50)).transform((n) => n ?? 20),
  /** Failed attempts in a row, over every delivery of an endpoint, after which the desk pauses it and tells admins. */
  WEBHOOK_PAUSE_AFTER_FAILURES: optional(z.coerce.number().int().min(1)).transform((n) => n ?? 50),
  /** "We received your ticket" emails to one address in an hour; past it the ticket is filed, the email skipped. */
  CONFIRMATION_EMAILS_PER_HOUR: optional(z.coerce.number().int().min(0)).transform((count) => count ?? 5),
  OUTBOX_POLL_MS: optional(z.coerce.number().int().min(10)).transform((ms) => ms ?? 1_000),
  /** First retry delay; each further retry waits twice as long (capped at an hour). */
  OUTBOX_RETRY_BASE_MS: optional(z.coerce.number().int().min(1)).transform((ms) => ms ?? 30_000),
  /** How long a claimed message stays with its worker before another may retry it (a crashed worker's). */
  OUTBOX_LEASE_MS: optional(z.coerce.number().int().min(1_000)).transform((ms) => ms ?? 120_000),
  OUTBOX_MAX_ATTEMPTS: optional(z.coerce.number().int().min(1).max(50)).transform((n) => n ?? 8),
});

export type Env = z.infer<typeof envSchema> & { APP_URL: string };

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const parsed = result.data;
  const appUrl = (parsed.APP_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, "");
  return { ...parsed, APP_URL: appUrl };
}

/** Validated once, at first import; server.mjs and the commands load it before anything else (lib/server/prepare-process.ts). */
export const env = parseEnv(process.env);
