import { z } from "zod";
import "zod-openapi";
import type { oas31, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import { problemSchema } from "@/lib/errors";

// Building blocks every operation module (lib/openapi/paths/*.ts) shares: the problem bodies, the
// response headers and the security schemes. Only descriptions live here; shapes come from lib/.

export const PROBLEM_MEDIA_TYPE = "application/problem+json";

/** Compile-time checks that what a handler returns and the schema documenting it agree: `Assert<Same<A, B>>`. */
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type Assert<T extends true> = T;

const Problem = problemSchema.meta({ id: "Problem", description: "An RFC 9457 problem" });
const ValidationProblem = problemSchema
  .extend({ errors: problemSchema.shape.errors.unwrap().min(1) })
  .meta({ id: "ValidationProblem", description: "An RFC 9457 problem naming every field that failed validation" });

export const headers = {
  etag: z.string().meta({
    description: "The ticket's version; send it back in `If-Match` to update only that version",
    example: '"v3"',
    header: { id: "ETag" },
  }),
  location: z.url().meta({ description: "The new ticket's URL", header: { id: "Location" } }),
  link: z.string().meta({
    description: 'The next page, as `<url>; rel="next"` (RFC 8288); absent on the last page',
    example: '<https://support.kinconecta.com/api/support-tickets?cursor=eyJ0Ij…>; rel="next"',
    header: { id: "Link" },
  }),
  idempotentReplayed: z.literal("true").meta({
    description: "Present when this is the stored answer to an earlier request with the same `Idempotency-Key`",
    header: { id: "Idempotent-Replayed" },
  }),
  // Optional: sent only while limits are on (RATE_LIMITS=off turns them off).
  rateLimitPolicy: z.string().optional().meta({
    description:
      "The caller's budgets (IETF RateLimit header fields): one item per window, `q` requests per `w` seconds. " +
      "Sent on every rate-limited response.",
    example: '"public-create-60s";q=10;w=60, "public-create-3600s";q=50;w=3600',
    header: { id: "RateLimit-Policy" },
  }),
  rateLimit: z.string().optional().meta({
    description: "What is left of each budget: `r` requests remaining, `t` seconds until the window resets",
    example: '"public-create-60s";r=7;t=42, "public-create-3600s";r=47;t=3342',
    header: { id: "RateLimit" },
  }),
  retryAfter: z.string().regex(/^[1-9]\d*$/).meta({
    description: "Seconds to wait before retrying (at least 1)",
    example: "30",
    header: { id: "Retry-After" },
  }),
  wwwAuthenticate: z.string().meta({ example: 'Bearer realm="support-tickets"', header: { id: "WWW-Authenticate" } }),
  setSessionCookie: z.string().meta({
    description:
      "The staff session cookie `kinconecta.session_token` (`__Secure-kinconecta.session_token` over https): " +
      "HttpOnly, SameSite=Lax, Secure over https, valid 7 days. Signing out sends it (and better-auth's helper " +
      "cookies) expired.",
    example: "kinconecta.session_token=XR7ITfAQr2FPPfUWvLklzHyY…; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax",
    header: { id: "Set-Cookie" },
  }),
};

/** RateLimit headers, for every response of an operation that counts against a budget. */
export const rateLimitHeaders = { "RateLimit-Policy": headers.rateLimitPolicy, RateLimit: headers.rateLimit };

const PROBLEM_DESCRIPTIONS = {
  400: "Malformed request (e.g. the body is not valid JSON)",
  401: "No or invalid credentials",
  403: "Not allowed for these credentials",
  404: "No such resource, or not visible with these credentials",
  409: "Conflicts with the resource's state (e.g. a move the workflow does not allow)",
  412: "`If-Match` names a version that is no longer current",
  413: "The body is too large",
  415: "Unsupported `Content-Type`",
  422: "The input failed validation; `errors` names each field",
  429: "Too many requests; wait `Retry-After` seconds",
  500: "Unexpected failure; it has been logged",
  503: "A dependency (the database) is not answering",
  507: "The server's storage is nearly full; nothing was saved, retry later",
} as const;
export type ProblemStatus = keyof typeof PROBLEM_DESCRIPTIONS;

// A 503 for an unreachable database says when to retry; one for a storage hiccup does not.
const optionalRetryAfter = z.string().regex(/^[1-9]\d*$/).optional().meta({
  description: "Seconds to wait before retrying, when the server can tell",
  example: "5",
});

/**
 * The problem+json responses an operation can give, with the RateLimit headers when it is limited.
 * `descriptions` replaces the generic wording where an operation's reasons are more specific.
 */
export function problemResponses(
  statuses: readonly ProblemStatus[],
  {
    rateLimited = true,
    descriptions = {},
  }: { rateLimited?: boolean; descriptions?: Partial<Record<ProblemStatus, string>> } = {},
): ZodOpenApiResponsesObject {
  const responses: Record<string, ZodOpenApiResponseObject> = {};
  for (const status of statuses) {
    const response: ZodOpenApiResponseObject = {
      description: descriptions[status] ?? PROBLEM_DESCRIPTIONS[status],
      content: { [PROBLEM_MEDIA_TYPE]: { schema: status === 422 ? ValidationProblem : Problem } },
    };
    const responseHeaders: Record<string, z.ZodType> = rateLimited ? { ...rateLimitHeaders } : {};
    if (status === 401) responseHeaders["WWW-Authenticate"] = headers.wwwAuthenticate;
    if (status === 429) responseHeaders["Retry-After"] = headers.retryAfter;
    if (status === 503) responseHeaders["Retry-After"] = optionalRetryAfter;
    if (Object.keys(responseHeaders).length > 0) response.headers = z.object(responseHeaders);
    responses[status] = response;
  }
  return responses;
}

/** The staff session cookie set by better-auth (`kinconecta` prefix; `__Secure-` in production). */
export const STAFF_SESSION_COOKIE = "kinconecta.session_token";

export const securitySchemes = {
  apiToken: {
    type: "http",
    scheme: "bearer",
    description: "An API token from `npm run token:create -- <name>` or the staff admin page: `Authorization: Bearer kct_…`",
  },
  webhookSignature: {
    type: "apiKey",
    in: "header",
    name: "webhook-signature",
    description:
      "How our deliveries to your endpoint are signed (Standard Webhooks): `v1,<base64 HMAC-SHA256 of \"webhook-id.webhook-timestamp.body\">` " +
      "keyed with the endpoint's `whsec_` secret; two space-separated signatures during a secret rotation",
  },
  inboundEmailSecret: {
    type: "http",
    scheme: "bearer",
    description: "The server's INBOUND_EMAIL_SECRET, for the mail provider that forwards email: `Authorization: Bearer <secret>`",
  },
  staffSession: {
    type: "apiKey",
    in: "cookie",
    name: STAFF_SESSION_COOKIE,
    description:
      "A signed-in staff member's session (the staff pages). Writes must come from this site's own pages (same origin).",
  },
  trackingKey: {
    type: "apiKey",
    in: "query",
    name: "key",
    description: "The requester's private tracking key, as in the `trackingUrl` returned when the ticket was filed",
  },
  trackingKeyHeader: {
    type: "apiKey",
    in: "header",
    name: "X-Tracking-Key",
    description: "The same tracking key, sent as a header so it stays out of logs",
  },
} as const;

/** Who may call an operation (OpenAPI: any one of these requirements). */
export const security: Record<
  "anyone" | "staffOrToken" | "ticketReader" | "noCredentials" | "staffSession" | "optionalStaffSession" | "mailProvider" | "webhookDelivery",
  oas31.SecurityRequirementObject[]
> = {
  anyone: [{}, { apiToken: [] }, { staffSession: [] }],
  staffOrToken: [{ apiToken: [] }, { staffSession: [] }],
  ticketReader: [{ apiToken: [] }, { staffSession: [] }, { trackingKey: [] }, { trackingKeyHeader: [] }],
  noCredentials: [{}],
  /** A signed-in staff member only (the admin API): an API token cannot mint tokens or accounts. */
  staffSession: [{ staffSession: [] }],
  /** better-auth's own endpoints: they answer with or without a session. */
  optionalStaffSession: [{ staffSession: [] }, {}],
  mailProvider: [{ inboundEmailSecret: [] }],
  /** A delivery to a receiver: signed by us, with the endpoint's secret. */
  webhookDelivery: [{ webhookSignature: [] }],
};
