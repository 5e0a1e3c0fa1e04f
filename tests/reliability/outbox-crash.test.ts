import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/test-server";
import { SmtpSink } from "../support/smtp-sink";
import { AppProcess, type Backend, type BackendName, prepareBackend, seedTicket } from "./app-process";

const ROUNDS = 2;
const LEASE_MS = 2_000;

/** Files tickets one after another until the server is killed; returns the ids it acknowledged. */
async function fileUntilKilled(app: AppProcess, marker: string, killAfterMs: number): Promise<number[]> {
  const acknowledged: number[] = [];
  const writer = (async () => {
    for (let index = 0; ; index++) {
      try {
        const response = await fetch(`${app.baseURL}/api/support-tickets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(seedTicket(marker, index)),
        });
        if (response.status === 201) acknowledged.push(((await response.json()) as { id: number }).id);
      } catch {
        return; // the server is gone
      }
    }
  })();
  await new Promise((resolve) => setTimeout(resolve, killAfterMs));
  app.child.kill("SIGKILL");
  await writer;
  await app.exited;
  return acknowledged;
}

describe.each<BackendName>(["PGlite", "PostgreSQL"])("the email outbox through SIGKILLs on %s", (name) => {
  let backend: Backend;
  let sink: SmtpSink;
  beforeAll(async () => {
    // A slow SMTP server, so the kill usually lands while a message is being sent.
    sink = new SmtpSink(await freePort(), { delayMs: 40 });
    await sink.start();
    backend = await prepareBackend(name, {
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: "100",
      OUTBOX_LEASE_MS: String(LEASE_MS),
      OUTBOX_RETRY_BASE_MS: "200",
      // Every ticket of a round is filed for one address; the per-address cap on confirmations is not what this tests.
      CONFIRMATION_EMAILS_PER_HOUR: "100000",
    });
  });
  afterAll(async () => {
    await backend?.cleanup();
    await sink?.stop();
  });

  it(`loses no confirmation and sends at most the one in flight twice, over ${ROUNDS} kills`, async () => {
    const report: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const marker = `outbox-${round}-${randomUUID().slice(0, 8)}`;
      const app = await AppProcess.start(backend.env);
      const killAfterMs = 800 + Math.floor(Math.random() * 800);
      const acknowledged = await fileUntilKilled(app, marker, killAfterMs);
      const sentBeforeKill = sink.to(`${marker}@example.com`).length;

      const restarted = await AppProcess.start(backend.env);
      try {
        const confirmationsOf = (id: number) =>
          sink.to(`${marker}@example.com`).filter((mail) => mail.parsed.subject === `We received your ticket [#${id}]`);
        const deadline = Date.now() + 60_000;
        while (acknowledged.some((id) => confirmationsOf(id).length === 0) && Date.now() < deadline) {
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        // Long enough for any message still leased to a killed worker to come due and go out again.
        await new Promise((resolve) => setTimeout(resolve, LEASE_MS + 1_000));

        for (const id of acknowledged) expect(confirmationsOf(id).length, `confirmation of ticket ${id}`).toBeGreaterThan(0);
        const mails = sink.to(`${marker}@example.com`);
        const ids = mails.map((mail) => mail.parsed.messageId);
        const repeats = ids.length - new Set(ids).size;
        expect(repeats, "only the message in flight at the kill may go out twice").toBeLessThanOrEqual(1);
        report.push(
          `round ${round}: killed after ${killAfterMs} ms, ${acknowledged.length} acknowledged, ${sentBeforeKill} sent before the kill, ${mails.length} in all, ${repeats} resent`,
        );
      } finally {
        await restarted.stop();
      }
    }
    console.log(`[outbox ${name}] ${report.join("; ")}`);
  });
});
