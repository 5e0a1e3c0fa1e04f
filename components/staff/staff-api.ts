// The staff pages' calls to our own API, with the session cookie (same origin, so the CSRF check passes).
// Every answer is parsed with the API's own response schema, so its type is the schema's.
import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { postMessage, type OutgoingMessage, type SendOptions } from "@/components/conversation/send-message";
import { type Answer, fetchAnswer, parseAnswer } from "@/lib/api-client/answer";
import { ApiProblem } from "@/lib/api-client/problem";
import { auditEntrySchema } from "@/lib/audit/schemas";
import type { Locale } from "@/lib/i18n/locales";
import { type ServiceLevels, serviceLevelsSchema } from "@/lib/sla/schemas";
import {
  apiTokenSummarySchema,
  createdApiTokenSchema,
  type CreateStaffAccountInput,
  staffAccountSchema,
  staffProfileSchema,
} from "@/lib/staff/schemas";
import { adminCategorySchema, type UpdateCategoryLabelsInput } from "@/lib/tickets/category-schemas";
import {
  bulkUpdateResultSchema,
  issuedTrackingLinkSchema,
  type Ticket,
  ticketCountsSchema,
  ticketEventSchema,
  type TicketPage,
  ticketSchema,
  type UpdateTicketInput,
} from "@/lib/tickets/schemas";
import { messageSchema } from "@/lib/tickets/message-schemas";
import type { TicketPriority, TicketStatus } from "@/lib/tickets/workflow";
import {
  type CreateWebhookInput,
  type UpdateWebhookInput,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookWithSecretSchema,
} from "@/lib/webhooks/schemas";
import { type QueueParams, queueSearch } from "./queue-params";

const staffFetch = (path: string, init: RequestInit = {}) => signedIn(fetchAnswer(path, init));

async function signedIn(request: Promise<Answer>): Promise<Answer> {
  try {
    return await request;
  } catch (error) {
    // The session ended (signed out elsewhere, expired or disabled): back to the sign-in page.
    if (error instanceof ApiProblem && error.status === 401) window.location.replace("/staff/login");
    throw error;
  }
}

export interface LoadedTicket {
  ticket: Ticket;
  etag: string;
}

const loadedTicket = (answer: Answer): LoadedTicket => ({
  ticket: parseAnswer(answer, ticketSchema),
  etag: answer.headers.get("etag") ?? "",
});

/** The cursor of the next page, from a list answer's `Link: <…>; rel="next"` header. */
function nextCursor(answer: Answer): string | null {
  const next = /<([^>]+)>;\s*rel="next"/.exec(answer.headers.get("link") ?? "");
  return next ? new URL(next[1]!).searchParams.get("cursor") : null;
}

async function fetchQueuePage(params: QueueParams): Promise<TicketPage> {
  const answer = await staffFetch(`/api/support-tickets?${queueSearch(params)}`);
  return { tickets: parseAnswer(answer, z.array(ticketSchema)), nextCursor: nextCursor(answer) };
}

async function fetchCounts() {
  return parseAnswer(await staffFetch("/api/support-tickets/counts"), ticketCountsSchema);
}

async function fetchTicket(id: number): Promise<LoadedTicket> {
  return loadedTicket(await staffFetch(`/api/support-tickets/${id}`));
}

async function fetchEvents(id: number) {
  return parseAnswer(await staffFetch(`/api/support-tickets/${id}/events`), z.array(ticketEventSchema));
}

async function fetchMessages(id: number) {
  return parseAnswer(await staffFetch(`/api/support-tickets/${id}/messages`), z.array(messageSchema));
}

async function fetchRequesterTickets(email: string) {
  const answer = await staffFetch(`/api/support-tickets?${new URLSearchParams({ email, limit: "20" })}`);
  return parseAnswer(answer, z.array(ticketSchema));
}

/**
 * The staff pages' queries. Their keys carry the data's type, so the server pages that prefill the cache
 * (`setQueryData(staffQueries.ticket(id).queryKey, …)`) are held to the same shapes as the fetches.
 */
export const staffQueries = {
  queue: (params: QueueParams) => queryOptions({ queryKey: ["tickets", "queue", params], queryFn: () => fetchQueuePage(params) }),
  counts: () => queryOptions({ queryKey: ["tickets", "counts"], queryFn: fetchCounts }),
  ticket: (id: number) => queryOptions({ queryKey: ["tickets", "one", id], queryFn: () => fetchTicket(id) }),
  events: (id: number) => queryOptions({ queryKey: ["tickets", "events", id], queryFn: () => fetchEvents(id) }),
  messages: (id: number) => queryOptions({ queryKey: ["tickets", "messages", id], queryFn: () => fetchMessages(id) }),
  /** The requester's tickets, newest first (the list's exact email filter). */
  requesterTickets: (email: string) =>
    queryOptions({ queryKey: ["tickets", "requester", email], queryFn: () => fetchRequesterTickets(email) }),
};

/** A reply or an internal note; with `status`, "send and resolve" guarded by the ETag the agent saw. */
export async function sendMessage(id: number, message: OutgoingMessage, options: SendOptions) {
  return parseAnswer(await signedIn(postMessage(id, message, options)), messageSchema);
}

/** A move, a new priority or a new owner, only if the ticket is still the version the agent saw (412 otherwise). */
export async function updateTicket(
  id: number,
  changes: { status: TicketStatus } | { priority: TicketPriority } | { assigneeId: string | null },
  etag: string,
): Promise<LoadedTicket> {
  const answer = await staffFetch(`/api/support-tickets/${id}`, {
    method: "PATCH",
    headers: { "if-match": etag },
    body: JSON.stringify(changes),
  });
  return loadedTicket(answer);
}

/** One change for the queue's selected tickets; each is judged on its own. */
export async function bulkUpdateTickets(ids: number[], changes: UpdateTicketInput) {
  const answer = await staffFetch("/api/support-tickets/bulk-update", {
    method: "POST",
    body: JSON.stringify({ tickets: ids.map((id) => ({ id })), changes }),
  });
  return parseAnswer(answer, bulkUpdateResultSchema);
}

export async function fetchApiTokens() {
  return parseAnswer(await staffFetch("/api/admin/api-tokens"), z.array(apiTokenSummarySchema));
}

export async function createApiToken(name: string) {
  const answer = await staffFetch("/api/admin/api-tokens", { method: "POST", body: JSON.stringify({ name }) });
  return parseAnswer(answer, createdApiTokenSchema);
}

export async function revokeApiToken(id: number): Promise<void> {
  await staffFetch(`/api/admin/api-tokens/${id}`, { method: "DELETE" });
}

export async function fetchStaffAccounts() {
  return parseAnswer(await staffFetch("/api/admin/staff-accounts"), z.array(staffAccountSchema));
}

export async function createStaffAccount(input: CreateStaffAccountInput) {
  const answer = await staffFetch("/api/admin/staff-accounts", { method: "POST", body: JSON.stringify(input) });
  return parseAnswer(answer, staffAccountSchema);
}

export async function fetchAuditLogPage(cursor: string | null) {
  const answer = await staffFetch(`/api/admin/audit-log${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ""}`);
  return { entries: parseAnswer(answer, z.array(auditEntrySchema)), nextCursor: nextCursor(answer) };
}

/** The most open or in-progress tickets round robin may give the account; null for no limit. */
export async function setOpenTicketCap(id: string, openTicketCap: number | null) {
  const answer = await staffFetch(`/api/admin/staff-accounts/${encodeURIComponent(id)}`, { method: "PATCH", body: JSON.stringify({ openTicketCap }) });
  return parseAnswer(answer, staffAccountSchema);
}

/** Whether round robin gives the signed-in agent new tickets. */
export async function updateStaffAvailability(available: boolean) {
  return parseAnswer(await staffFetch("/api/staff/me", { method: "PATCH", body: JSON.stringify({ available }) }), staffProfileSchema);
}

export async function disableStaffAccount(id: string): Promise<void> {
  await staffFetch(`/api/admin/staff-accounts/${id}/disable`, { method: "POST" });
}

/** A new private link for the ticket's requester; the old one stops working. */
export async function issueTrackingLink(id: number) {
  return parseAnswer(await staffFetch(`/api/support-tickets/${id}/tracking-link`, { method: "POST" }), issuedTrackingLinkSchema);
}

/** The signed-in staff member's desk language; null follows the browser. */
export async function updateStaffLocale(locale: Locale | null) {
  return parseAnswer(await staffFetch("/api/staff/me", { method: "PATCH", body: JSON.stringify({ locale }) }), staffProfileSchema);
}

export async function fetchAdminCategories() {
  return parseAnswer(await staffFetch("/api/admin/categories"), z.array(adminCategorySchema));
}

export async function updateCategoryLabels(name: string, labels: UpdateCategoryLabelsInput["labels"]) {
  const answer = await staffFetch(`/api/admin/categories/${encodeURIComponent(name)}`, { method: "PATCH", body: JSON.stringify({ labels }) });
  return parseAnswer(answer, adminCategorySchema);
}

export interface EditableServiceLevels {
  settings: ServiceLevels;
  etag: string;
}

const editableServiceLevels = (answer: Answer): EditableServiceLevels => ({
  settings: parseAnswer(answer, serviceLevelsSchema),
  etag: answer.headers.get("etag") ?? "",
});

export async function fetchServiceLevels() {
  return editableServiceLevels(await staffFetch("/api/admin/service-levels"));
}

/** New service levels, only over the version the admin loaded (412 otherwise). */
export async function saveServiceLevels(settings: ServiceLevels, etag: string) {
  const answer = await staffFetch("/api/admin/service-levels", { method: "PUT", headers: { "if-match": etag }, body: JSON.stringify(settings) });
  return editableServiceLevels(answer);
}

export async function fetchWebhooks() {
  return parseAnswer(await staffFetch("/api/admin/webhooks"), z.array(webhookEndpointSchema));
}

/** A new endpoint with its signing secret, which is shown this once. */
export async function createWebhook(input: CreateWebhookInput) {
  const answer = await staffFetch("/api/admin/webhooks", { method: "POST", body: JSON.stringify(input) });
  return parseAnswer(answer, webhookWithSecretSchema);
}

export async function updateWebhook(id: number, changes: UpdateWebhookInput) {
  const answer = await staffFetch(`/api/admin/webhooks/${id}`, { method: "PATCH", body: JSON.stringify(changes) });
  return parseAnswer(answer, webhookEndpointSchema);
}

export async function deleteWebhook(id: number): Promise<void> {
  await staffFetch(`/api/admin/webhooks/${id}`, { method: "DELETE" });
}

/** A new signing secret, shown this once; the old one also signs until `previousSecretExpiresAt`. */
export async function rotateWebhookSecret(id: number) {
  return parseAnswer(await staffFetch(`/api/admin/webhooks/${id}/rotate-secret`, { method: "POST" }), webhookWithSecretSchema);
}

export async function fetchWebhookDeliveries(id: number, limit: number) {
  const answer = await staffFetch(`/api/admin/webhooks/${id}/deliveries?limit=${limit}`);
  return parseAnswer(answer, z.array(webhookDeliverySchema));
}

/** The same event (same `webhook-id`) sent again as a new delivery. */
export async function replayWebhookDelivery(id: number, deliveryId: number) {
  const answer = await staffFetch(`/api/admin/webhooks/${id}/deliveries/${deliveryId}/replay`, { method: "POST" });
  return parseAnswer(answer, webhookDeliverySchema);
}
