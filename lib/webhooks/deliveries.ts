import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { notFound } from "./endpoints";
import type { ListWebhookDeliveriesQuery, WebhookDelivery } from "./schemas";

type DeliveryRow = typeof webhookDeliveries.$inferSelect;

function toWebhookDelivery(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpointId,
    webhookId: row.webhookId,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt.toISOString() : null,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastResponseBody: row.lastResponseBody,
    lastDurationMs: row.lastDurationMs,
    createdAt: row.createdAt.toISOString(),
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    payload: row.payload,
  };
}

/** An endpoint's delivery log, newest first. */
export async function listWebhookDeliveries(endpointId: number, query: ListWebhookDeliveriesQuery): Promise<WebhookDelivery[]> {
  const db = await getDb();
  const [endpoint] = await db.select({ id: webhookEndpoints.id }).from(webhookEndpoints).where(eq(webhookEndpoints.id, endpointId));
  if (!endpoint) throw notFound(endpointId);
  const rows = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), query.status ? eq(webhookDeliveries.status, query.status) : undefined))
    .orderBy(desc(webhookDeliveries.id))
    .limit(query.limit);
  return rows.map(toWebhookDelivery);
}

/**
 * Sends a delivery again, as a new entry in the log with the same body and `webhook-id` (a receiver that already
 * took it can tell it is the same event), due now.
 */
export async function replayWebhookDelivery(endpointId: number, deliveryId: number): Promise<WebhookDelivery> {
  const db = await getDb();
  const [original] = await db
    .select()
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.endpointId, endpointId)));
  if (!original) throw new AppError("not_found", `Delivery ${deliveryId} of webhook endpoint ${endpointId} does not exist`);
  const [replay] = await db
    .insert(webhookDeliveries)
    .values({ endpointId, webhookId: original.webhookId, eventType: original.eventType, payload: original.payload })
    .returning();
  return toWebhookDelivery(replay!);
}
