import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookDelivery, WebhookEndpoint } from "@/lib/webhooks/schemas";
import { signIn } from "../api/client";
import { eventually } from "../support/eventually";
import { runNpmCommand } from "../support/test-server";
import { type ReceivedDelivery, startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { AppProcess, type Backend, type BackendName, prepareBackend, seedTicket } from "./app-process";

// The worker leases a delivery for 3 × this before sending it, so a short timeout brings a killed worker's lease to an end soon.
const TIMEOUT_MS = 1_000;
const ADMIN = { email: "crash-hooks-admin@example.com", password: "crash-hooks-admin-password-1" };
const PATH = "/crash";

async function adminSession(baseURL: string): Promise<Record<string, string>> {
  const { response, cookie } = await signIn(ADMIN, baseURL);
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return { cookie, origin: baseURL };
}

async function json<T>(response: Promise<Response>, status: number): Promise<T> {
  const answer = await response;
  if (answer.status !== status) throw new Error(`${answer.url}: expected ${status}, got ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

describe.each<BackendName>(["PGlite", "PostgreSQL"])("webhook deliveries through a SIGKILL on %s", (name) => {
  let backend: Backend;
  let receiver: WebhookReceiver;
  beforeAll(async () => {
    receiver = await startWebhookReceiver();
    backend = await prepareBackend(name, {
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      WEBHOOK_POLL_MS: "100",
      WEBHOOK_TIMEOUT_MS: String(TIMEOUT_MS),
      // A restarted server can be too busy to read an answer within the short timeout; its retry then comes soon.
      WEBHOOK_RETRY_BASE_MS: "1000",
    });
    // Before any server starts: the command must not share PGlite with a running one.
    await runNpmCommand(backend.env, "staff:create", ADMIN.email, ADMIN.password, "--admin");
  });
  afterAll(async () => {
    await backend?.cleanup();
    await receiver?.close();
  });

  it("a SIGKILL of the server mid-delivery delivers after restart, at least once", async () => {
    const app = await AppProcess.start(backend.env);
    let restarted: AppProcess | undefined;
    try {
      const endpoint = await json<WebhookEndpoint & { secret: string }>(
        fetch(`${app.baseURL}/api/admin/webhooks`, {
          method: "POST",
          headers: { ...(await adminSession(app.baseURL)), "content-type": "application/json" },
          body: JSON.stringify({ url: receiver.url(PATH), events: ["ticket.created"] }),
        }),
        201,
      );
      receiver.secrets.push(endpoint.secret);
      // The first attempt is never answered, so the worker is still waiting for it when the server dies.
      receiver.script(PATH, "hang");
      const ticket = await json<{ id: number }>(
        fetch(`${app.baseURL}/api/support-tickets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(seedTicket(`webhook-crash-${randomUUID().slice(0, 8)}`, 0)),
        }),
        201,
      );
      const arrivals = (): ReceivedDelivery[] =>
        receiver.received.filter((delivery) => delivery.path === PATH && (JSON.parse(delivery.body) as { data: { ticket: { id: number } } }).data.ticket.id === ticket.id);

      const [first] = await eventually(() => arrivals().length > 0 && arrivals(), "the first attempt to reach the receiver");
      expect(app.output, "the first attempt must still be in flight at the kill").not.toMatch(/Webhook delivery \d+ .* failed/);
      expect(await app.stop("SIGKILL")).toBeNull();

      restarted = await AppProcess.start(backend.env);
      const again = await eventually(() => arrivals()[1], "the delivery again after the restart", 30_000);
      expect(again.headers["webhook-id"]).toBe(first!.headers["webhook-id"]);
      expect(again.body).toBe(first!.body);
      expect(first!.verifiedBy).toEqual([endpoint.secret]);
      expect(again.verifiedBy).toEqual([endpoint.secret]);

      const session = await adminSession(restarted.baseURL);
      let log: WebhookDelivery[] = [];
      const [logged] = await eventually(async () => {
        log = await json<WebhookDelivery[]>(fetch(`${restarted!.baseURL}/api/admin/webhooks/${endpoint.id}/deliveries`, { headers: session }), 200);
        return log[0]?.status === "delivered" && log;
      }, "the delivery log to say delivered").catch((error: Error) => {
        throw new Error(`${error.message}; the log: ${JSON.stringify(log)}; the restarted server said:\n${restarted!.output}`);
      });
      // One attempt died with the server unrecorded, so only the end of its lease made the delivery due again.
      expect(logged).toMatchObject({ webhookId: first!.headers["webhook-id"], status: "delivered", lastStatusCode: 200 });
      expect(logged!.attempts).toBeGreaterThanOrEqual(2);
      expect(arrivals().every((delivery) => delivery.headers["webhook-id"] === first!.headers["webhook-id"])).toBe(true);
      const failures = restarted.output.match(/Webhook delivery .* failed.*/g) ?? [];
      console.log(
        `[webhook crash ${name}] ${arrivals().length} arrivals, ${logged!.attempts} attempts, resent ${again.receivedAt - first!.receivedAt} ms after the first` +
          (failures.length ? `; after the restart: ${failures.join("; ")}` : ""),
      );
    } finally {
      await app.stop();
      await restarted?.stop();
    }
  });
});
