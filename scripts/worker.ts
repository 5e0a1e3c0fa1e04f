// npm run worker   Sends the email outbox (and closes unanswered resolved tickets, records service-level breaches, counts business hours for the reports, delivers webhooks and, with IMAP_URL, takes email in) until stopped (Ctrl-C or SIGTERM). Every server already runs a
// worker of its own; extra ones suit PostgreSQL deployments. On the embedded database it is refused
// while a server holds the data directory, as every command is.
import { runCommand } from "./run-command";

await runCommand(async () => {
  const { startBackgroundJobs } = await import("@/lib/server/background-jobs");
  const jobs = startBackgroundJobs();
  await new Promise<void>((resolve) => {
    process.once("SIGTERM", resolve);
    process.once("SIGINT", resolve);
  });
  await jobs.stop();
});
