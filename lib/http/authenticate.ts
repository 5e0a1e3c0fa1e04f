import "server-only";
import { type Actor, PUBLIC_ACTOR } from "@/lib/auth/actor";
import { findTokenActor } from "@/lib/auth/api-tokens";
import { isTrackingKeyValid } from "@/lib/auth/tracking";
import { AppError } from "@/lib/errors";

/**
 * Who is calling. No credentials → the public actor; credentials that do not check out → 401,
 * so a client with a broken token learns it even on endpoints that are open to everyone.
 */
export async function authenticate(request: Request): Promise<Actor> {
  const header = request.headers.get("authorization");
  if (!header) return PUBLIC_ACTOR;
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
    throw new AppError("unauthorized", 'This endpoint needs an API token ("Authorization: Bearer <token>")');
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
  if (!isTrackingKeyValid(ticketId, key)) throw new AppError("not_found", `Ticket ${ticketId} does not exist`);
  return { kind: "requester", ticketId };
}
