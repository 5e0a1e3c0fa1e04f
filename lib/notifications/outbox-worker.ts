import "server-only";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import { type Database, getDb } from "@/db";
import { outboxMessages, ticketEvents } from "@/db/schema";
import { currentTrackingUrl } from "@/lib/auth/tracking";
import { env } from "@/lib/env";
import { withTrackingLink } from "./compose-ticket-email";
import { createMailTransport, type MailTransport, type OutboxMessage } from "./mail-transport";

const MAX_RETRY_DELAY_MS = 60 * 60 * 1_000;
const WORKER_ACTOR = "system:email";

export interface OutboxWorker {
  /** Stops polling and waits for the message in hand, if any. */
  stop: () => Promise<void>;
}

const after = (ms: number) => sql`now() + make_interval(secs => ${ms / 1_000})`;

/**
 * Takes the next due message for this worker alone. The row is locked with SKIP LOCKED (other workers
 * pass over it instead of waiting) and leased by moving its due time past the lease, in one short
 * transaction: once committed, no other worker sees it as due until the lease runs out, which only
 * happens when this worker died or hung mid-send.
 */
async function claimNextMessage(db: Database): Promise<OutboxMessage | undefined> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: outboxMessages.id })
      .from(outboxMessages)
      .where(and(eq(outboxMessages.status, "pending"), lte(outboxMessages.nextAttemptAt, sql`now()`)))
      .orderBy(asc(outboxMessages.nextAttemptAt), asc(outboxMessages.id))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!due) return undefined;
    const [claimed] = await tx
      .update(outboxMessages)
      .set({ attempts: sql`${outboxMessages.attempts} + 1`, nextAttemptAt: after(env.OUTBOX_LEASE_MS) })
      .where(eq(outboxMessages.id, due.id))
      .returning();
    return claimed;
  });
}

/** Rows this worker still holds: its claim (attempt number) is the latest and the message is still pending. */
const stillClaimed = (message: OutboxMessage) =>
  and(
    eq(outboxMessages.id, message.id),
    eq(outboxMessages.attempts, message.attempts),
    eq(outboxMessages.status, "pending"),
  );

async function markSent(db: Database, message: OutboxMessage): Promise<void> {
  await db.transaction(async (tx) => {
    const [sent] = await tx
      .update(outboxMessages)
      .set({ status: "sent", sentAt: sql`now()`, lastError: null })
      .where(stillClaimed(message))
      .returning({ id: outboxMessages.id });
    if (!sent) return;
    await tx
      .insert(ticketEvents)
      .values({ ticketId: message.ticketId, type: "notification_sent", toValue: message.subject, actor: WORKER_ACTOR });
  });
}

/** A 5xx reply means the server will never take this message (e.g. an unknown mailbox): retrying cannot help. */
function isPermanent(error: unknown): boolean {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

async function markFailedAttempt(db: Database, message: OutboxMessage, error: unknown): Promise<void> {
  const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
  const giveUp = message.attempts >= env.OUTBOX_MAX_ATTEMPTS || isPermanent(error);
  const retryDelay = Math.min(env.OUTBOX_RETRY_BASE_MS * 2 ** (message.attempts - 1), MAX_RETRY_DELAY_MS);
  await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(outboxMessages)
      .set({ status: giveUp ? "failed" : "pending", lastError: reason, nextAttemptAt: after(giveUp ? 0 : retryDelay) })
      .where(stillClaimed(message))
      .returning({ id: outboxMessages.id });
    if (!updated || !giveUp) return;
    await tx
      .insert(ticketEvents)
      .values({ ticketId: message.ticketId, type: "notification_failed", toValue: message.subject, actor: WORKER_ACTOR });
  });
  console.warn(
    `Email ${message.id} (ticket ${message.ticketId}) attempt ${message.attempts}/${env.OUTBOX_MAX_ATTEMPTS} failed` +
      `${giveUp ? "; giving up" : `; retrying in ${Math.round(retryDelay / 1_000)} s`}: ${reason}`,
  );
}

/** The message as it leaves: its private link built now, at the ticket's current link version. */
async function withCurrentLink(message: OutboxMessage): Promise<OutboxMessage> {
  const bodies = withTrackingLink({ text: message.textBody, html: message.htmlBody }, await currentTrackingUrl(message.ticketId));
  return { ...message, textBody: bodies.text, htmlBody: bodies.html };
}

async function deliver(db: Database, transport: MailTransport, message: OutboxMessage): Promise<void> {
  try {
    await transport.send(await withCurrentLink(message));
  } catch (error) {
    await markFailedAttempt(db, message, error);
    return;
  }
  // Should this write fail after the send, the lease runs out and the message goes again, with the same
  // Message-ID: at least once, never lost.
  await markSent(db, message);
}

/**
 * Sends the outbox: every `OUTBOX_POLL_MS` it delivers all due messages, one claimed at a time, retrying
 * failures with exponential back-off and giving up after `OUTBOX_MAX_ATTEMPTS` with the error recorded.
 * Any number of workers (app instances, `npm run worker`) can share one PostgreSQL database.
 */
export function startOutboxWorker(): OutboxWorker {
  const transport = createMailTransport();
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const drain = async () => {
    try {
      const db = await getDb();
      while (!stopping) {
        const message = await claimNextMessage(db);
        if (!message) break;
        await deliver(db, transport, message);
      }
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`The outbox worker stopped on an error; it tries again at the next poll: ${reason}`);
    }
  };
  const schedule = () => {
    if (stopping) return;
    timer = setTimeout(() => {
      running = drain().finally(schedule);
    }, env.OUTBOX_POLL_MS);
  };

  console.log(`Outbox worker: sending email through ${transport.description}`);
  running = drain().finally(schedule);
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await running;
      transport.close();
    },
  };
}
