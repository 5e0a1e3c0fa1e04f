import "server-only";
import { AppError } from "@/lib/errors";
import type { VersionedTicket } from "@/lib/tickets/serialize";

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

export function ticketResponse({ ticket, version }: VersionedTicket, init: ResponseInit = {}): Response {
  const response = Response.json(ticket, init);
  response.headers.set("etag", etag(version));
  response.headers.set("content-type", "application/json; charset=utf-8");
  return response;
}
