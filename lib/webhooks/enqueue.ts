import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/db";
import { webhookDeliveries } from "@/db/schema";
import type { Message } from "@/lib/tickets/message-schemas";
import type { Ticket } from "@/lib/tickets/schemas";
import { type TicketRow, toTicket } from "@/lib/tickets/serialize";
import { endpointsFor } from "./endpoints";
import type { WebhookEvent } from "./schemas";

/** What an event carries: the ticket as staff and API clients see it, and for `ticket.message.created` the reply. */
export interface WebhookData {
  ticket: Ticket;
  message?: Message;
}

/**
 * Queues `event` for every active endpoint that subscribes to it, in the transaction of the change: delivered
 * (by the webhook worker) exactly when the change commits, never when it rolls back. Internal notes never go out:
 * callers pass replies only, and a ticket carries no notes.
 */
export async function enqueueWebhooks(tx: Transaction, event: WebhookEvent, items: readonly WebhookData[]): Promise<void> {
  if (items.length === 0) return;
  const endpoints = await endpointsFor(event, tx);
  if (endpoints.length === 0) return;
  const timestamp = new Date().toISOString();
  await tx.insert(webhookDeliveries).values(
    items.flatMap((data) => {
      // One webhook-id per event, shared by its endpoints' deliveries, as a receiver behind several sees it.
      const webhookId = `msg_${randomUUID().replaceAll("-", "")}`;
      const payload = JSON.stringify({ type: event, timestamp, data });
      return endpoints.map((endpoint) => ({ endpointId: endpoint.id, webhookId, eventType: event, payload }));
    }),
  );
}

/** `ticket.updated` for tickets whose status, category, priority or owner changed, and `ticket.closed` beside it when they closed. */
export async function announceChange(tx: Transaction, rows: readonly TicketRow[], closed: boolean): Promise<void> {
  const items = rows.map((row) => ({ ticket: toTicket(row) }));
  await enqueueWebhooks(tx, "ticket.updated", items);
  if (closed) await enqueueWebhooks(tx, "ticket.closed", items);
}
