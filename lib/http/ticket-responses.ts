import "server-only";
import { FIRST_TRACKING_KEY_VERSION, trackingUrl } from "@/lib/auth/tracking";
import { AppError } from "@/lib/errors";
import type { AddedMessage } from "@/lib/tickets/add-message";
import type { Message } from "@/lib/tickets/message-schemas";
import type { Actor } from "@/lib/auth/actor";
import type { RequesterTicket, Ticket } from "@/lib/tickets/schemas";
import { ticketSeenBy, ticketUrl, type VersionedTicket } from "@/lib/tickets/serialize";
import type { IdempotentResult } from "./idempotency";

export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const response = Response.json(body, init);
  response.headers.set("content-type", JSON_CONTENT_TYPE);
  return response;
}

export function etag(version: number): string {
  return `"v${version}"`;
}

/** The version named by `If-Match`, or undefined when the header is absent or `*`. */
export function expectedVersion(request: Request): number | undefined {
  const header = request.headers.get("if-match");
  if (header === null || header.trim() === "*") return undefined;
  const match = /^\s*(?:W\/)?"v(\d{1,9})"\s*$/.exec(header);
  if (!match) {
    throw new AppError("precondition_failed", 'If-Match must be an ETag returned by this API, e.g. "v3"');
  }
  return Number(match[1]);
}

/** The ticket as `viewer` may see it, with its ETag. */
export function ticketResponse({ ticket, version }: VersionedTicket, viewer: Actor): Response {
  const response = jsonResponse(ticketSeenBy(ticket, viewer));
  response.headers.set("etag", etag(version));
  return response;
}

/** What filing a ticket answers, and an idempotent retry replays: 201, the ticket, its Location and ETag. */
export function createdTicketResult({ ticket, version }: VersionedTicket, viewer: Actor): IdempotentResult<Ticket | RequesterTicket> {
  return { status: 201, body: ticketSeenBy(ticket, viewer), headers: { location: ticketUrl(ticket.id), etag: etag(version) } };
}

/**
 * A freshly filed ticket (or its idempotent replay): the seed's body plus `trackingUrl`, the requester's
 * private link. The link is rebuilt on every reply, so it is never stored with the replayable result. It is
 * always the ticket's first link: should staff have issued a new one since, a replay must not hand that out.
 */
export function createdTicketResponse(result: IdempotentResult<Ticket | RequesterTicket> & { replayed: boolean }): Response {
  return idempotentResponse({ ...result, body: { ...result.body, trackingUrl: trackingUrl(result.body.id, FIRST_TRACKING_KEY_VERSION) } });
}

/** What adding a message answers, and an idempotent retry replays: 201, the message, and the ticket's new ETag. */
export function addedMessageResult({ message, ticket }: AddedMessage): IdempotentResult<Message> {
  return { status: 201, body: message, headers: { etag: etag(ticket.version) } };
}

/** A stored result as it leaves, marked when it is the replay of an earlier request with the same Idempotency-Key. */
export function idempotentResponse<Body>(result: IdempotentResult<Body> & { replayed: boolean }): Response {
  const headers = new Headers(result.headers);
  if (result.replayed) headers.set("idempotent-replayed", "true");
  return jsonResponse(result.body, { status: result.status, headers });
}
