// Browser-side calls to our own API with the staff session cookie (same origin, so the CSRF check passes).
import type { IssuedTrackingLink, Ticket, TicketEvent } from "@/lib/tickets/schemas";
import type { TicketStatus } from "@/lib/tickets/workflow";
import type { TicketCounts } from "@/lib/tickets/count-tickets-by-status";
import { type QueueParams, queueSearch } from "./queue-params";

/** A problem+json answer, kept whole so the UI can show its detail and react to its status. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

export async function staffFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(path, {
    ...init,
    credentials: "same-origin",
    headers: { ...(init.body !== undefined && { "content-type": "application/json" }), ...init.headers },
  });
  if (response.status === 401) {
    // The session ended (signed out elsewhere, expired or disabled): back to the sign-in page.
    window.location.replace("/staff/login");
  }
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
    throw new ApiProblem(response.status, problem?.detail ?? `The server answered ${response.status}`);
  }
  return response;
}

export async function staffJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  return (await (await staffFetch(path, init)).json()) as T;
}

export interface QueuePage {
  tickets: Ticket[];
  nextCursor: string | null;
}

export interface LoadedTicket {
  ticket: Ticket;
  etag: string;
}

export const staffQueryKeys = {
  queue: (params: QueueParams) => ["tickets", "queue", params] as const,
  counts: ["tickets", "counts"] as const,
  ticket: (id: number) => ["tickets", "one", id] as const,
  events: (id: number) => ["tickets", "events", id] as const,
};

export async function fetchQueuePage(params: QueueParams): Promise<QueuePage> {
  const response = await staffFetch(`/api/support-tickets?${queueSearch(params)}`);
  const next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "");
  return {
    tickets: (await response.json()) as Ticket[],
    nextCursor: next ? new URL(next[1]!).searchParams.get("cursor") : null,
  };
}

export async function fetchCounts(): Promise<TicketCounts> {
  return staffJson<TicketCounts>("/api/support-tickets/counts");
}

export async function fetchTicket(id: number): Promise<LoadedTicket> {
  const response = await staffFetch(`/api/support-tickets/${id}`);
  return { ticket: (await response.json()) as Ticket, etag: response.headers.get("etag") ?? "" };
}

export async function fetchEvents(id: number): Promise<TicketEvent[]> {
  return staffJson<TicketEvent[]>(`/api/support-tickets/${id}/events`);
}

/** One workflow move, guarded by the ETag the agent saw (412 when someone moved the ticket since). */
export async function moveTicket(id: number, status: TicketStatus, etag: string): Promise<LoadedTicket> {
  const response = await staffFetch(`/api/support-tickets/${id}`, {
    method: "PATCH",
    headers: { "if-match": etag },
    body: JSON.stringify({ status }),
  });
  return { ticket: (await response.json()) as Ticket, etag: response.headers.get("etag") ?? "" };
}

/** A new private link for the ticket's requester; the old one stops working. */
export async function issueTrackingLink(id: number): Promise<IssuedTrackingLink> {
  return staffJson<IssuedTrackingLink>(`/api/support-tickets/${id}/tracking-link`, { method: "POST" });
}
