import "server-only";
import { type Actor, PUBLIC_ACTOR } from "@/lib/auth/actor";
import { findTokenActor } from "@/lib/auth/api-tokens";
import { findStaffActor, type StaffActor } from "@/lib/auth/staff-session";
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

/** Staff or an API token: everything but filing a ticket. */
export async function requireStaffOrToken(request: Request): Promise<Actor> {
  const actor = await authenticate(request);
  if (actor.kind === "public") {
    throw new AppError("unauthorized", 'Sign in as staff or send an API token ("Authorization: Bearer <token>")');
  }
  return actor;
}

/**
 * Staff, an API token, or the requester with this ticket's private tracking key (the `key` query
 * parameter of the tracking link, or the `X-Tracking-Key` header). A wrong key answers 404, exactly
 * as an unknown ticket does, so ids cannot be probed.
 */
export async function requireTicketAccess(request: Request, ticketId: number): Promise<Actor> {
  const key = request.headers.get("x-tracking-key") ?? new URL(request.url).searchParams.get("key");
  if (key === null) return requireStaffOrToken(request);
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

/** A signed-in admin (staff session only: an API token cannot mint tokens or accounts). */
export async function requireAdmin(request: Request): Promise<StaffActor> {
  const actor = await authenticate(request);
  if (actor.kind !== "staff") throw new AppError("unauthorized", "Sign in as an admin to use this endpoint");
  if (actor.role !== "admin") throw new AppError("forbidden", "Only admins may manage API tokens and staff accounts");
  return actor;
}
