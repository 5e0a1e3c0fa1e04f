import "server-only";
import http from "node:http";
import https from "node:https";
import { and, asc, eq, lt, lte, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { webhookDeliveries, webhookEndpoints } from "@/db/schema";
import { recordAudit, SYSTEM_ORIGIN } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { withoutControlCharacters } from "@/lib/zod/text";
import { type PollingJob, startPollingJob } from "@/lib/server/polling-job";
import { forgetWebhookEndpoints } from "./endpoints";
import { webhookSignature } from "./signing";
import { checkLiteralTarget, publicOnlyLookup, TargetRefusedError } from "./target-address";

const MAX_RETRY_DELAY_MS = 10 * 60 * 60 * 1_000;
/** Deliveries one worker sends at once: a slow receiver holds up one of them, not every endpoint. */
const PARALLEL_SENDS = 4;
const RESPONSE_BODY_KEPT = 1_000;
const after = (ms: number) => sql`now() + make_interval(secs => ${ms / 1_000})`;

type Claimed = typeof webhookDeliveries.$inferSelect & { url: string; secrets: string[] };

interface Attempt {
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
  /** The address rules refused the target: retrying cannot help. */
  refused: boolean;
}

/**
 * Takes the next due delivery of an active endpoint for this worker alone: locked with SKIP LOCKED and leased past the
 * timeout in one short transaction (as the email outbox does), so a worker that dies mid-delivery leaves it to be
 * sent again once the lease runs out: at least once, with the same webhook-id.
 */
async function claimNextDelivery(db: Database): Promise<Claimed | undefined> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: webhookDeliveries.id, url: webhookEndpoints.url, secret: webhookEndpoints.secret, previousSecret: webhookEndpoints.previousSecret, previousUntil: webhookEndpoints.previousSecretExpiresAt })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, sql`now()`),
          // A delivery whose outcome could not be recorded is not sent forever.
          lt(webhookDeliveries.attempts, env.WEBHOOK_MAX_ATTEMPTS),
          eq(webhookEndpoints.status, "active"),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt), asc(webhookDeliveries.id))
      .limit(1)
      .for("update", { of: webhookDeliveries, skipLocked: true });
    if (!due) return undefined;
    const [claimed] = await tx
      .update(webhookDeliveries)
      .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, nextAttemptAt: after(env.WEBHOOK_TIMEOUT_MS * 3) })
      .where(eq(webhookDeliveries.id, due.id))
      .returning();
    const previousValid = due.previousSecret && due.previousUntil && due.previousUntil > new Date();
    return { ...claimed!, url: due.url, secrets: previousValid ? [due.secret, due.previousSecret!] : [due.secret] };
  });
}

/** POSTs the delivery, signed, without following redirects (a redirect could lead anywhere, past the address checks). */
function post(delivery: Claimed): Promise<Attempt> {
  const started = performance.now();
  const timestamp = Math.floor(Date.now() / 1_000);
  const body = Buffer.from(delivery.payload);
  return new Promise((resolve) => {
    let finished = false;
    const done = (outcome: Omit<Attempt, "durationMs">) => {
      if (finished) return;
      finished = true;
      clearTimeout(deadline);
      resolve({ ...outcome, durationMs: Math.round(performance.now() - started) });
    };
    const deadline = setTimeout(() => request?.destroy(new Error(`no answer within ${env.WEBHOOK_TIMEOUT_MS} ms`)), env.WEBHOOK_TIMEOUT_MS);
    let request: http.ClientRequest | undefined;
    try {
      const url = new URL(delivery.url);
      checkLiteralTarget(url);
      request = (url.protocol === "https:" ? https : http).request(url, {
        method: "POST",
        lookup: publicOnlyLookup,
        headers: {
          "content-type": "application/json",
          "content-length": body.length,
          "user-agent": "Kinconecta-Webhooks/1",
          "webhook-id": delivery.webhookId,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": webhookSignature(delivery.secrets, delivery.webhookId, timestamp, delivery.payload),
        },
      });
    } catch (error) {
      return done({ statusCode: null, error: (error as Error).message, responseBody: null, refused: error instanceof TargetRefusedError });
    }
    request.on("error", (error) => done({ statusCode: null, error: error.message, responseBody: null, refused: error instanceof TargetRefusedError }));
    request.on("response", (response) => {
      const statusCode = response.statusCode ?? 0;
      const ok = statusCode >= 200 && statusCode < 300;
      let kept = "";
      // Only the start of the answer is kept; the rest is not waited for (a slow stream must not turn a 2xx into a timeout).
      const finish = () => {
        response.destroy();
        done({ statusCode, error: ok ? null : `answered ${statusCode}`, responseBody: withoutControlCharacters(kept.slice(0, RESPONSE_BODY_KEPT)), refused: false });
      };
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => {
        kept += chunk;
        if (kept.length >= RESPONSE_BODY_KEPT) finish();
      });
      response.on("end", finish);
      response.on("error", finish);
    });
    request.end(body);
  });
}

/** The delay before attempt n+1: doubling from WEBHOOK_RETRY_BASE_MS, at most 10 h, with ±20% jitter so retries spread out. */
function retryDelay(attempts: number): number {
  return Math.min(env.WEBHOOK_RETRY_BASE_MS * 2 ** (attempts - 1), MAX_RETRY_DELAY_MS) * (0.8 + Math.random() * 0.4);
}

/** Records the attempt; a failure is retried, given up after WEBHOOK_MAX_ATTEMPTS, and counts against the endpoint (410: disabled at once). */
async function record(db: Database, delivery: Claimed, attempt: Attempt): Promise<void> {
  const delivered = attempt.error === null;
  const gone = attempt.statusCode === 410;
  const giveUp = !delivered && (gone || attempt.refused || delivery.attempts >= env.WEBHOOK_MAX_ATTEMPTS);
  const stillClaimed = and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.attempts, delivery.attempts), eq(webhookDeliveries.status, "pending"));
  let changedEndpoint = false;
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({
        status: delivered ? "delivered" : giveUp ? "failed" : "pending",
        ...(delivered && { deliveredAt: sql`now()` }),
        nextAttemptAt: delivered || giveUp ? sql`now()` : after(retryDelay(delivery.attempts)),
        lastStatusCode: attempt.statusCode,
        lastError: attempt.error === null ? null : withoutControlCharacters(attempt.error.slice(0, RESPONSE_BODY_KEPT)),
        lastResponseBody: attempt.responseBody,
        lastDurationMs: attempt.durationMs,
      })
      .where(stillClaimed)
      .returning({ id: webhookDeliveries.id });
    if (!updated) return;
    if (delivered) {
      await tx.update(webhookEndpoints).set({ consecutiveFailures: 0 }).where(eq(webhookEndpoints.id, delivery.endpointId));
      return;
    }
    const [endpoint] = await tx
      .update(webhookEndpoints)
      .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + 1` })
      .where(eq(webhookEndpoints.id, delivery.endpointId))
      .returning({ failures: webhookEndpoints.consecutiveFailures, status: webhookEndpoints.status });
    if (!endpoint || endpoint.status !== "active") return;
    const stop = gone
      ? { status: "disabled" as const, reason: `The receiver answered 410 Gone to delivery ${delivery.id}`, action: "webhook.disabled" as const }
      : endpoint.failures >= env.WEBHOOK_PAUSE_AFTER_FAILURES
        ? { status: "paused" as const, reason: `${endpoint.failures} failed attempts in a row (last: ${attempt.error})`, action: "webhook.paused" as const }
        : null;
    if (!stop) return;
    await tx.update(webhookEndpoints).set({ status: stop.status, statusReason: stop.reason, updatedAt: sql`now()` }).where(eq(webhookEndpoints.id, delivery.endpointId));
    // The audit log is where admins read what the desk did on its own; the admin page shows the status and reason.
    await recordAudit(tx, SYSTEM_ORIGIN, { action: stop.action, target: `webhook:${delivery.endpointId}`, detail: { url: delivery.url, reason: stop.reason } });
    changedEndpoint = true;
  });
  if (changedEndpoint) forgetWebhookEndpoints();
  if (!delivered) {
    console.warn(`Webhook delivery ${delivery.id} to ${delivery.url} attempt ${delivery.attempts} failed${giveUp ? "; giving up" : ""}: ${attempt.error}`);
  }
}

/**
 * Sends due webhook deliveries every WEBHOOK_POLL_MS, four at a time, each claimed on its own: signed (Standard Webhooks), retried
 * with exponential back-off and jitter for about 3 days, paused endpoints skipped. Any number of workers (app
 * instances, `npm run worker`) can share one database.
 */
export function startWebhookWorker(): PollingJob {
  return startPollingJob("webhook delivery", env.WEBHOOK_POLL_MS, async (stopping) => {
    const db = await getDb();
    const sendUntilEmpty = async () => {
      while (!stopping()) {
        const delivery = await claimNextDelivery(db);
        if (!delivery) return;
        await record(db, delivery, await post(delivery));
      }
    };
    await Promise.all(Array.from({ length: PARALLEL_SENDS }, sendUntilEmpty));
  });
}
