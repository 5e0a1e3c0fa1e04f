// npm run worker   Sends the email outbox (and closes unanswered resolved tickets, records service-level breaches, counts business hours for the reports, delivers webhooks and, with IMAP_URL, takes email in) until stopped (Ctrl-C or SIGTERM). Every server already runs a
// worker of its own; extra ones suit PostgreSQL deployments. On the embedded database it is refused
// while a server holds the data directory, as every command is.
import { runCommand } from "./run-command";

await runCommand(async () => {
  const { startOutboxWorker } = await import("@/lib/notifications/outbox-worker");
  const { startAutoCloseJob } = await import("@/lib/tickets/auto-close");
  const { startBreachJob } = await import("@/lib/sla/breach-job");
  const { startBusinessHoursJob } = await import("@/lib/reports/business-hours");
  const { startImapWatcher } = await import("@/lib/inbound-email/imap-watcher");
  const { startWebhookWorker } = await import("@/lib/webhooks/delivery-worker");
  const worker = startOutboxWorker();
  const autoClose = startAutoCloseJob();
  const breaches = startBreachJob();
  const businessHours = startBusinessHoursJob();
  const mailbox = startImapWatcher();
  const webhooks = startWebhookWorker();
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await Promise.all([worker.stop(), autoClose.stop(), breaches.stop(), businessHours.stop(), mailbox?.stop(), webhooks.stop()]);
});
