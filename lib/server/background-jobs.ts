import "server-only";
import { startImapWatcher } from "@/lib/inbound-email/imap-watcher";
import { startOutboxWorker } from "@/lib/notifications/outbox-worker";
import { startBusinessHoursJob } from "@/lib/reports/business-hours";
import { startBreachJob } from "@/lib/sla/breach-job";
import { startAutoCloseJob } from "@/lib/tickets/auto-close";
import { startWebhookWorker } from "@/lib/webhooks/delivery-worker";
import type { PollingJob } from "./polling-job";

/**
 * Starts every background job: the email outbox, auto-close, service-level breaches, the reports' business hours,
 * webhook deliveries and, with IMAP_URL, the mailbox. Each server runs them, and `npm run worker` runs them alone.
 * `stop` stops them all and waits for the passes in hand.
 */
export function startBackgroundJobs(): PollingJob {
  const jobs = [startOutboxWorker(), startAutoCloseJob(), startBreachJob(), startBusinessHoursJob(), startImapWatcher(), startWebhookWorker()];
  return {
    stop: async () => {
      await Promise.all(jobs.map((job) => job?.stop()));
    },
  };
}
