// npm run worker   Sends the email outbox (and closes unanswered resolved tickets, and records service-level breaches) until stopped (Ctrl-C or SIGTERM). Every server already runs a
// worker of its own; extra ones suit PostgreSQL deployments. On the embedded database it is refused
// while a server holds the data directory, as every command is.
import { runCommand } from "./run-command";

await runCommand(async () => {
  const { startOutboxWorker } = await import("@/lib/notifications/outbox-worker");
  const { startAutoCloseJob } = await import("@/lib/tickets/auto-close");
  const { startBreachJob } = await import("@/lib/sla/breach-job");
  const worker = startOutboxWorker();
  const autoClose = startAutoCloseJob();
  const breaches = startBreachJob();
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await Promise.all([worker.stop(), autoClose.stop(), breaches.stop()]);
});
