import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/db";
import { sql } from "drizzle-orm";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import type { Message } from "@/lib/tickets/message-schemas";
import type { Ticket } from "@/lib/tickets/schemas";
import { type TicketRow, toTicket } from "@/lib/tickets/serialize";
import { anyEndpointFor } from "./endpoints";
import type { WebhookEvent } from "./schemas";

/** What an event carries: the ticket as staff and API clients see it, and for `ticket.message.created` the reply. */
export interface WebhookData {
  ticket: Ticket;
  message?: Message;
}

/**
 * Queues `event` for every endpoint that subscribes to it and still takes events (a paused one's wait), in the
 * transaction of the change: delivered (by the webhook worker) exactly when the change commits, never when it rolls
 * back. The endpoints are read in the same statement, so one deleted a moment ago on another instance is simply not
 * there. Internal notes never go out: callers pass replies only, and a ticket carries no notes.
 */
export async function enqueueWebhooks(tx: Transaction, event: WebhookEvent, items: readonly WebhookData[]): Promise<void> {
  if (items.length === 0 || !(await anyEndpointFor(event, tx))) return;
  const timestamp = new Date().toISOString();
  for (const data of items) {
    // One webhook-id per event, shared by its endpoints' deliveries, as a receiver behind several sees it.
    const webhookId = `msg_${randomUUID().replaceAll("-", "")}`;
    const payload = JSON.stringify({ type: event, timestamp, data });
    await tx.execute(sql`
      insert into ${webhookDeliveries} (endpoint_id, webhook_id, event_type, payload)
      select ${webhookEndpoints.id}, ${webhookId}, ${event}::webhook_event_type, ${payload}
      from ${webhookEndpoints}
      where ${webhookEndpoints.status} <> 'disabled' and ${event}::webhook_event_type = any(${webhookEndpoints.events})`);
  }
}

/** `ticket.updated` for tickets whose status, category, priority or owner changed, and `ticket.closed` beside it when they closed. */
export async function announceChange(tx: Transaction, rows: readonly TicketRow[], closed: boolean): Promise<void> {
  const items = rows.map((row) => ({ ticket: toTicket(row) }));
  await enqueueWebhooks(tx, "ticket.updated", items);
  if (closed) await enqueueWebhooks(tx, "ticket.closed", items);
}
