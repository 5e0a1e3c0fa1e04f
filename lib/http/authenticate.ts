import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { type Actor, PUBLIC_ACTOR } from "@/lib/auth/actor";
import { findTokenActor } from "@/lib/auth/api-tokens";
import { findStaffActor } from "@/lib/auth/staff-session";
import { isTrackingKeyValid } from "@/lib/auth/tracking";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Who is calling: an API token (`Authorization: Bearer`), else a staff session cookie, else the public.
 * A token that does not check out → 401, so a client with a broken token learns it even on endpoints
 * that are open to everyone; a cookie that does not (expired, signed out) counts as no cookie.
 * Cookie-authenticated writes must come from our own pages (CSRF): anything else → 403.
 */
export async function authenticate(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (!header) {
    const staff = await findStaffActor(request.headers);
    if (!staff) return PUBLIC_ACTOR;
    if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
    return staff;
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new AppError("unauthorized", 'Use "Authorization: Bearer <token>"');
  const actor = await findTokenActor(match[1]!);
  if (!actor) throw new AppError("unauthorized", "The API token is not valid or has been revoked");
  return actor;
}

/** The private tracking key a request presents (`X-Tracking-Key`, or the tracking link's `key` parameter), if any. */
export function trackingKeyOf(request: Request): string | null {
  return request.headers.get("x-tracking-key") ?? new URL(request.url).searchParams.get("key");
}

/** The requester holding this ticket's tracking key. A wrong key answers 404, exactly as an unknown ticket does, so ids cannot be probed. */
export async function requesterFromTrackingKey(ticketId: number, key: string): Promise<Actor> {
  if (!(await isTrackingKeyValid(ticketId, key))) throw new AppError("not_found", `Ticket ${ticketId} does not exist`);
  return { kind: "requester", ticketId };
}

/**
 * A browser names the page that sent a request in `Origin` (and `Sec-Fetch-Site`); SameSite=Lax already keeps
 * the cookie off cross-site POSTs, this also refuses same-site but foreign origins (another port or subdomain).
 */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  const sameOrigin = origin !== null ? origin === new URL(env.APP_URL).origin : fetchSite === "same-origin";
  if (!sameOrigin) {
    throw new AppError("forbidden", "Cross-origin request refused: a signed-in write must come from this site's own pages");
  }
}

/**
 * A mail provider forwarding email (POST /api/inbound-email) with `Authorization: Bearer <INBOUND_EMAIL_SECRET>`.
 * While the secret is unset the way in does not exist (404); a wrong or missing secret is a 401.
 */
export function authenticateMailProvider(request: Request): Actor {
  if (!env.INBOUND_EMAIL_SECRET) throw new AppError("not_found", "Inbound email over HTTP is off: set INBOUND_EMAIL_SECRET to turn it on");
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  // Compared as digests: equal lengths for timingSafeEqual, and no timing hint about the secret's length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  if (!timingSafeEqual(digest(given), digest(env.INBOUND_EMAIL_SECRET))) {
    throw new AppError("unauthorized", 'Send the inbound email secret as "Authorization: Bearer <INBOUND_EMAIL_SECRET>"');
  }
  return PUBLIC_ACTOR;
}
