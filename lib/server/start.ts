import "server-only";
import { env } from "@/lib/env";
import { startOutboxWorker } from "@/lib/notifications/outbox-worker";
import { assertInboundCategory } from "@/lib/inbound-email/take-email";
import { startImapWatcher } from "@/lib/inbound-email/imap-watcher";
import { startBreachJob } from "@/lib/sla/breach-job";
import { startBusinessHoursJob } from "@/lib/reports/business-hours";
import { startWebhookWorker } from "@/lib/webhooks/delivery-worker";
import { startAutoCloseJob } from "@/lib/tickets/auto-close";
import { ensureFirstAdmin } from "@/lib/staff/ensure-first-admin";
import { prepareProcess } from "./prepare-process";

// Once per process: server.mjs awaits it before listening, and Next.js calls the instrumentation hook
// again itself, from separately bundled entry points.
const globalForStart = globalThis as unknown as { kinconectaServerStart?: Promise<void> };

/** Prepares the process (settings, database, secret) and starts its outbox worker; rejects naming what is wrong. */
export function startServer(): Promise<void> {
  return (globalForStart.kinconectaServerStart ??= start());
}

async function start(): Promise<void> {
  await prepareProcess();
  console.log(`Kinconecta Support Desk: database ${env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`} ready`);
  await assertInboundCategory();
  const firstAdmin = await ensureFirstAdmin();
  if (firstAdmin) {
    // The password stays out of the log (logs are shipped and kept); the file is readable by this user only.
    console.log(
      `\nNo staff account existed, so an admin was created. Sign in at ${env.APP_URL}/staff/login with\n` +
        `  email:    ${firstAdmin.email}\n  password: in ${firstAdmin.passwordFile}\n` +
        "You will be asked to choose a new password; the file is deleted then.\n",
    );
  }
  const worker = startOutboxWorker();
  const autoClose = startAutoCloseJob();
  const breaches = startBreachJob();
  const businessHours = startBusinessHoursJob();
  const mailbox = startImapWatcher();
  const webhooks = startWebhookWorker();
  // The HTTP server closes on these signals before the process exits; the worker stops taking messages meanwhile.
  // A send cut short by the exit is retried once its lease runs out.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      void worker.stop();
      void autoClose.stop();
      void breaches.stop();
      void businessHours.stop();
      void mailbox?.stop();
      void webhooks.stop();
    });
  }
}
