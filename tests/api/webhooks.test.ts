import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookDelivery, WebhookEndpoint } from "@/lib/webhooks/schemas";
import { eventually } from "../support/eventually";
import { runNpmCommand, startTestServer, type TestServer } from "../support/test-server";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { admin, api, auth, expectProblem, sessionHeaders, signIn, ticketBody } from "./client";

// A server of its own with private networks allowed (the receiver is on loopback) and fast retries.
let server: TestServer;
let receiver: WebhookReceiver;
let session: Record<string, string>;
let bearer: Record<string, string>;
const ADMIN = { email: "hooks-admin@example.com", password: "hooks-admin-password-1" };
const url = (path: string) => `${server.baseURL}${path}`;
const asJson = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  let token = "";
  server = await startTestServer({
    extraEnv: {
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
      WEBHOOK_POLL_MS: "100",
      WEBHOOK_RETRY_BASE_MS: "200",
      WEBHOOK_TIMEOUT_MS: "1000",
      WEBHOOK_MAX_ATTEMPTS: "4",
      WEBHOOK_PAUSE_AFTER_FAILURES: "3",
    },
    beforeStart: async (env) => {
      token = (await runNpmCommand(env, "token:create", "webhooks")).trim().split("\n").at(-1)!;
      await runNpmCommand(env, "staff:create", ADMIN.email, ADMIN.password, "--admin");
    },
  });
  bearer = { authorization: `Bearer ${token}` };
  session = { cookie: (await signIn(ADMIN, server.baseURL)).cookie, origin: server.baseURL };
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await receiver?.close();
});

async function register(path: string, events: string[]): Promise<WebhookEndpoint & { secret: string }> {
  const response = await api(url("/api/admin/webhooks"), { method: "POST", headers: session, json: { url: receiver.url(path), events } });
  expect(response.status).toBe(201);
  const endpoint = (await response.json()) as WebhookEndpoint & { secret: string };
  expect(endpoint.secret).toMatch(/^whsec_/);
  receiver.secrets.push(endpoint.secret);
  return endpoint;
}

const fileTicket = async (overrides: Record<string, unknown> = {}) =>
  asJson<{ id: number }>(api(url("/api/support-tickets"), { method: "POST", json: ticketBody(overrides) }));
const deliveriesTo = (path: string) => receiver.received.filter((delivery) => delivery.path === path);
const eventsAbout = (path: string, ticketId: number) =>
  deliveriesTo(path)
    .map((delivery) => ({ delivery, event: JSON.parse(delivery.body) as { type: string; data: { ticket: { id: number }; message?: { body: string; kind: string } } } }))
    .filter(({ event }) => event.data.ticket.id === ticketId);
const logOf = (endpointId: number) => asJson<WebhookDelivery[]>(api(url(`/api/admin/webhooks/${endpointId}/deliveries`), { headers: session }));

describe("webhooks", () => {
  it("deliver every event once, signed as Standard Webhooks says, and never an internal note", async () => {
    const endpoint = await register("/all", ["ticket.created", "ticket.updated", "ticket.message.created", "ticket.closed"]);
    const { id } = await fileTicket();
    expect((await api(url(`/api/support-tickets/${id}/messages`), { method: "POST", headers: bearer, json: { body: "Secret internal note", kind: "note" } })).status).toBe(201);
    expect((await api(url(`/api/support-tickets/${id}/messages`), { method: "POST", headers: bearer, json: { body: "We are on it." } })).status).toBe(201);
    for (const status of ["in_progress", "resolved", "closed"]) {
      expect((await api(url(`/api/support-tickets/${id}`), { method: "PATCH", headers: bearer, json: { status } })).status).toBe(200);
    }
    const events = await eventually(() => {
      const seen = eventsAbout("/all", id);
      return seen.length >= 6 && seen;
    }, "six events about the ticket");
    // Four sends at a time: the order of arrival is not the order of the changes (receivers read the ticket's updatedAt).
    expect(events.map(({ event }) => event.type).sort()).toEqual([
      "ticket.closed",
      "ticket.created",
      "ticket.message.created",
      "ticket.updated",
      "ticket.updated",
      "ticket.updated",
    ]);
    for (const { delivery } of events) {
      expect(delivery.verifiedBy).toEqual([endpoint.secret]);
      expect(delivery.headers["webhook-id"]).toMatch(/^msg_/);
      expect(delivery.headers["content-type"]).toBe("application/json");
    }
    expect(events.find(({ event }) => event.type === "ticket.message.created")!.event.data.message).toMatchObject({ kind: "reply", body: "We are on it." });
    expect(receiver.received.map((delivery) => delivery.body).join("\n")).not.toContain("Secret internal note");
    expect(new Set(events.map(({ delivery }) => delivery.headers["webhook-id"])).size).toBe(events.length);
    // The receiver has them; the worker records each answer just after.
    const log = await eventually(async () => {
      const entries = (await logOf(endpoint.id)).filter((entry) => JSON.parse(entry.payload).data.ticket.id === id);
      return entries.length === 6 && entries.every((entry) => entry.status === "delivered") && entries;
    }, "the log to show the six deliveries delivered");
    for (const entry of log) expect(entry).toMatchObject({ lastStatusCode: 200, attempts: 1, lastDurationMs: expect.any(Number) });
  });

  it("retry after a 5xx and after a timeout with the same webhook-id, and a replay sends it again", async () => {
    const endpoint = await register("/flaky", ["ticket.created"]);
    receiver.script("/flaky", { status: 503, body: "busy" }, "hang");
    const { id } = await fileTicket();
    const attempts = await eventually(() => {
      const seen = eventsAbout("/flaky", id);
      return seen.length >= 3 && seen;
    }, "three attempts");
    expect(new Set(attempts.map(({ delivery }) => delivery.headers["webhook-id"])).size).toBe(1);
    const [delivered] = await eventually(async () => {
      const log = await logOf(endpoint.id);
      return log[0]?.status === "delivered" && log;
    }, "the delivery to be recorded delivered");
    expect(delivered).toMatchObject({ attempts: 3, lastStatusCode: 200 });

    const replay = await api(url(`/api/admin/webhooks/${endpoint.id}/deliveries/${delivered!.id}/replay`), { method: "POST", headers: session });
    expect(replay.status).toBe(202);
    await eventually(() => eventsAbout("/flaky", id).length === 4, "the replay");
    expect(eventsAbout("/flaky", id)[3]!.delivery.headers["webhook-id"]).toBe(delivered!.webhookId);
  });

  it("record a redirect as a failure without following it, and disable an endpoint that answers 410", async () => {
    const endpoint = await register("/gone", ["ticket.created"]);
    receiver.script("/gone", { status: 302, headers: { location: receiver.url("/elsewhere") } }, { status: 410 });
    await fileTicket();
    const disabled = await eventually(async () => {
      const [found] = (await asJson<WebhookEndpoint[]>(api(url("/api/admin/webhooks"), { headers: session }))).filter((entry) => entry.id === endpoint.id);
      return found?.status === "disabled" && found;
    }, "the endpoint to be disabled");
    expect(disabled.statusReason).toContain("410");
    expect(deliveriesTo("/elsewhere")).toHaveLength(0);
    const [failed] = await logOf(endpoint.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 2, lastStatusCode: 410 });
  });

  it("pause an endpoint after repeated failures and tell admins in the audit log; resuming sends what waited", async () => {
    const endpoint = await register("/down", ["ticket.created"]);
    receiver.script("/down", { status: 500 }, { status: 500 }, { status: 500 });
    const { id } = await fileTicket();
    const paused = await eventually(async () => {
      const [found] = (await asJson<WebhookEndpoint[]>(api(url("/api/admin/webhooks"), { headers: session }))).filter((entry) => entry.id === endpoint.id);
      return found?.status === "paused" && found;
    }, "the endpoint to be paused");
    expect(paused.statusReason).toMatch(/3 failed attempts in a row/);
    const audit = await asJson<Array<{ action: string; target: string }>>(api(url("/api/admin/audit-log"), { headers: session }));
    expect(audit).toContainEqual(expect.objectContaining({ action: "webhook.paused", target: `webhook:${endpoint.id}` }));

    // An event while it is paused is queued too, and waits.
    const { id: whilePaused } = await fileTicket();
    const resumed = await api(url(`/api/admin/webhooks/${endpoint.id}`), { method: "PATCH", headers: session, json: { status: "active" } });
    expect(await resumed.json()).toMatchObject({ status: "active", consecutiveFailures: 0, statusReason: null });
    await eventually(async () => (await logOf(endpoint.id)).every((entry) => entry.status === "delivered"), "the waiting deliveries to go out");
    expect(eventsAbout("/down", id).at(-1)!.delivery.verifiedBy).toEqual([endpoint.secret]);
    expect(eventsAbout("/down", whilePaused)).toHaveLength(1);
  });

  it("sign with the old and the new secret for a while after a rotation", async () => {
    const endpoint = await register("/rotated", ["ticket.created"]);
    const rotated = await asJson<WebhookEndpoint & { secret: string }>(api(url(`/api/admin/webhooks/${endpoint.id}/rotate-secret`), { method: "POST", headers: session }));
    expect(rotated.secret).not.toBe(endpoint.secret);
    expect(Date.parse(rotated.previousSecretExpiresAt!)).toBeGreaterThan(Date.now() + 23 * 3600_000);
    receiver.secrets.push(rotated.secret);
    const { id } = await fileTicket();
    const [first] = await eventually(() => eventsAbout("/rotated", id).length > 0 && eventsAbout("/rotated", id), "the delivery");
    expect(first!.delivery.verifiedBy.sort()).toEqual([endpoint.secret, rotated.secret].sort());
    // A second rotation now would drop the secret receivers may still verify with.
    await expectProblem(await api(url(`/api/admin/webhooks/${endpoint.id}/rotate-secret`), { method: "POST", headers: session }), 409);
  });

  it("are for signed-in admins only, and refuse bad input naming the field", async () => {
    await expectProblem(await api(url("/api/admin/webhooks"), { headers: bearer }), 403);
    await expectProblem(await api(url("/api/admin/webhooks"), { method: "POST", headers: session, json: { url: "ftp://example.com", events: ["ticket.created"] } }), 422);
    const problem = await expectProblem(await api(url("/api/admin/webhooks"), { method: "POST", headers: session, json: { url: "https://example.com/x", events: [] } }), 422);
    expect(problem.errors?.[0]?.path).toBe("events");
    await expectProblem(await api(url("/api/admin/webhooks/999999"), { method: "DELETE", headers: session }), 404);
  });
});

describe("webhook targets without WEBHOOK_ALLOW_PRIVATE_NETWORKS", () => {
  it.each(["http://127.0.0.1:9/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]:9/hook", "http://localhost:9/hook", "http://10.1.2.3/hook", "http://[::ffff:127.0.0.1]/hook"])(
    "refuses %s (422 on url), registering nothing",
    async (target) => {
      const { cookie } = await signIn(admin);
      const before = await (await api("/api/admin/webhooks", { headers: sessionHeaders(cookie) })).json();
      const problem = await expectProblem(await api("/api/admin/webhooks", { method: "POST", headers: sessionHeaders(cookie), json: { url: target, events: ["ticket.created"] } }), 422);
      expect(problem.errors?.[0]).toMatchObject({ path: "url", message: expect.stringContaining("WEBHOOK_ALLOW_PRIVATE_NETWORKS") });
      expect(await (await api("/api/admin/webhooks", { headers: sessionHeaders(cookie) })).json()).toEqual(before);
    },
  );

  it("edits an endpoint's url, events and description (\"\" clears it); a refused change changes nothing", async () => {
    const headers = sessionHeaders((await signIn(admin)).cookie);
    const created = await api("/api/admin/webhooks", {
      method: "POST",
      headers,
      json: { url: "https://hooks.example.com/v1", events: ["ticket.created"], description: "CRM" },
    });
    const { id } = (await created.json()) as WebhookEndpoint;
    const edit = (json: unknown) => api(`/api/admin/webhooks/${id}`, { method: "PATCH", headers, json });

    const refused = await expectProblem(await edit({ url: "https://hooks.example.com/v2", events: ["ticket.sold"] }), 422);
    expect(refused.errors?.[0]?.path).toMatch(/^events/);
    const stored = async () => ((await (await api("/api/admin/webhooks", { headers })).json()) as WebhookEndpoint[]).find((endpoint) => endpoint.id === id);
    expect(await stored()).toMatchObject({ url: "https://hooks.example.com/v1", events: ["ticket.created"], description: "CRM" });
    const edited = await edit({ url: "https://hooks.example.com/v2", events: ["ticket.closed", "ticket.updated"], description: "  " });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ url: "https://hooks.example.com/v2", events: ["ticket.closed", "ticket.updated"], description: "" });
    expect(await stored()).toMatchObject({ url: "https://hooks.example.com/v2", description: "" });
    expect((await api(`/api/admin/webhooks/${id}`, { method: "DELETE", headers })).status).toBe(204);
  });

  it("an API token gets a 403 on the webhooks API", async () => {
    await expectProblem(await api("/api/admin/webhooks", { headers: auth }), 403);
  });
});
