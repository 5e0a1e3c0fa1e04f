import "server-only";
import { desc, eq, ne, sql } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { webhookEndpoints } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import type { CreateWebhookInput, UpdateWebhookInput, WebhookEndpoint, WebhookEvent } from "./schemas";
import { newWebhookSecret } from "./signing";
import { assertPublicTarget } from "./target-address";

/** After a rotation the old secret keeps signing this long, so receivers can switch to the new one without a gap. */
export const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60 * 1_000;
// Every ticket change asks which endpoints want it: remembered per process this long (another instance sees a new
// endpoint within it; the instance that made the change sees it at once).
const ENDPOINTS_TTL_MS = 10_000;

type EndpointRow = typeof webhookEndpoints.$inferSelect;
const globalForWebhooks = globalThis as unknown as { kinconectaWebhookEndpoints?: { rows: Promise<EndpointRow[]>; until: number } };

export function toWebhookEndpoint(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    url: row.url,
    description: row.description,
    events: row.events,
    status: row.status,
    statusReason: row.statusReason,
    consecutiveFailures: row.consecutiveFailures,
    previousSecretExpiresAt: row.previousSecretExpiresAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Whether any endpoint that still takes events (active, or paused: its deliveries wait) subscribes to `event`, from
 * the per-process memory (see ENDPOINTS_TTL_MS): most changes skip the webhook insert without a statement.
 */
export async function anyEndpointFor(event: WebhookEvent, executor: Database | Transaction): Promise<boolean> {
  const known = globalForWebhooks.kinconectaWebhookEndpoints;
  let rows = known && known.until > Date.now() ? known.rows : undefined;
  if (!rows) {
    // `.then` runs the query once: a query builder itself would run again, on a transaction long closed, at each await.
    rows = executor.select().from(webhookEndpoints).where(ne(webhookEndpoints.status, "disabled")).then((found) => found);
    globalForWebhooks.kinconectaWebhookEndpoints = { rows, until: Date.now() + ENDPOINTS_TTL_MS };
    rows.catch(() => (globalForWebhooks.kinconectaWebhookEndpoints = undefined));
  }
  return (await rows).some((row) => row.events.includes(event));
}

/** Drops this process's remembered endpoints, so the next change sees an admin's edit. */
export function forgetWebhookEndpoints(): void {
  globalForWebhooks.kinconectaWebhookEndpoints = undefined;
}

export async function listWebhookEndpoints(): Promise<WebhookEndpoint[]> {
  const db = await getDb();
  const rows = await db.select().from(webhookEndpoints).orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id));
  return rows.map(toWebhookEndpoint);
}

export async function createWebhookEndpoint(input: CreateWebhookInput, origin: AuditOrigin): Promise<WebhookEndpoint & { secret: string }> {
  await assertPublicTarget(input.url);
  const secret = newWebhookSecret();
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(webhookEndpoints)
      .values({ url: input.url, events: input.events, description: input.description ?? "", secret })
      .returning();
    await recordAudit(tx, origin, { action: "webhook.created", target: `webhook:${created!.id}`, detail: { url: input.url, events: input.events } });
    return created!;
  });
  forgetWebhookEndpoints();
  return { ...toWebhookEndpoint(row), secret };
}

export async function updateWebhookEndpoint(id: number, input: UpdateWebhookInput, origin: AuditOrigin): Promise<WebhookEndpoint> {
  if (input.url !== undefined) await assertPublicTarget(input.url);
  const row = await changeEndpoint(id, origin, "webhook.changed", {
    ...(input.url !== undefined && { url: input.url }),
    ...(input.events !== undefined && { events: input.events }),
    ...(input.description !== undefined && { description: input.description }),
    // Made active again (after a pause, or a 410 that was fixed): it starts with a clean slate.
    ...(input.status !== undefined && { status: input.status, statusReason: null, ...(input.status === "active" && { consecutiveFailures: 0 }) }),
  }, input);
  return toWebhookEndpoint(row);
}

export async function deleteWebhookEndpoint(id: number, origin: AuditOrigin): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [deleted] = await tx.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ url: webhookEndpoints.url });
    if (!deleted) throw notFound(id);
    await recordAudit(tx, origin, { action: "webhook.deleted", target: `webhook:${id}`, detail: { url: deleted.url } });
  });
  forgetWebhookEndpoints();
}

/**
 * A new secret, shown once; the current one keeps signing beside it for SECRET_ROTATION_GRACE_MS. While an earlier
 * rotation's grace runs, another is a 409: it would drop the secret receivers may still verify with.
 */
export async function rotateWebhookSecret(id: number, origin: AuditOrigin): Promise<WebhookEndpoint & { secret: string }> {
  const secret = newWebhookSecret();
  const db = await getDb();
  const [endpoint] = await db
    .select({ previousUntil: webhookEndpoints.previousSecretExpiresAt })
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, id));
  if (!endpoint) throw notFound(id);
  if (endpoint.previousUntil && endpoint.previousUntil > new Date()) {
    throw new AppError("conflict", `The previous secret still signs until ${endpoint.previousUntil.toISOString()}; rotate again after that`);
  }
  const row = await changeEndpoint(id, origin, "webhook.secret_rotated", {
    previousSecret: sql<string>`${webhookEndpoints.secret}` as unknown as string,
    previousSecretExpiresAt: new Date(Date.now() + SECRET_ROTATION_GRACE_MS),
    secret,
  });
  return { ...toWebhookEndpoint(row), secret };
}

async function changeEndpoint(
  id: number,
  origin: AuditOrigin,
  action: "webhook.changed" | "webhook.secret_rotated",
  values: Partial<typeof webhookEndpoints.$inferInsert>,
  detail?: Record<string, unknown>,
): Promise<EndpointRow> {
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(webhookEndpoints)
      .set({ ...values, updatedAt: sql`now()` })
      .where(eq(webhookEndpoints.id, id))
      .returning();
    if (!changed) throw notFound(id);
    await recordAudit(tx, origin, { action, target: `webhook:${id}`, ...(detail && { detail }) });
    return changed;
  });
  forgetWebhookEndpoints();
  return row;
}

export const notFound = (id: number) => new AppError("not_found", `Webhook endpoint ${id} does not exist`);
