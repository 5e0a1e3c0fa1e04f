import { randomInt, randomUUID } from "node:crypto";
import { request } from "node:http";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookEndpoint } from "@/lib/webhooks/schemas";
import { signIn } from "../api/client";
import { seedTicket, ticketsOf } from "../reliability/app-process";
import { eventually } from "../support/eventually";
import { SmtpSink } from "../support/smtp-sink";
import { freePort, runNpmCommand } from "../support/test-server";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";
import { type Cluster, SCALE_REDIS_URL, type ServerStat, startCluster } from "./cluster";

const INSTANCES = 3;
const PUBLIC_CREATE_BUDGET = 6;
// The documented delay before another instance notices a revoked token (VERIFIED_TOKEN_TTL_MS in lib/auth/api-tokens.ts).
const TOKEN_CACHE_MS = 5_000;
const ADMIN = { email: "scale-admin@example.com", password: "scale-admin-password-1" };
const HOOK_PATH = "/scale";

let cluster: Cluster;
let sink: SmtpSink;
let receiver: WebhookReceiver;
let sql: postgres.Sql;
let revocable = "";
let bearer: Record<string, string>;
let endpoint: WebhookEndpoint & { secret: string };

beforeAll(async () => {
  sink = new SmtpSink(await freePort());
  await sink.start();
  receiver = await startWebhookReceiver();
  cluster = await startCluster(
    INSTANCES,
    {
      RATE_LIMITS: "on",
      // Its keys are told apart from earlier runs' by client address (rate limit) or budget (the rest).
      REDIS_URL: SCALE_REDIS_URL,
      RATE_LIMIT_PUBLIC_CREATE: `${PUBLIC_CREATE_BUDGET}/1m,1000/1h`,
      RATE_LIMIT_AUTHENTICATED: "1000000/1m",
      // Redis keeps counters across runs, and sign-in budgets are per account and address (the same every run).
      RATE_LIMIT_SIGN_IN: "1000/1m",
      RATE_LIMIT_SIGN_IN_ACCOUNT: "1000/1m",
      RATE_LIMIT_SIGN_IN_ADDRESS: "1000/1m",
      SMTP_URL: sink.url,
      CONFIRMATION_EMAILS_PER_HOUR: "100000",
      OUTBOX_POLL_MS: "100",
      AUTO_CLOSE_AFTER: "3s",
      AUTO_CLOSE_POLL_MS: "100",
      SLA_POLL_MS: "100",
      WEBHOOK_POLL_MS: "100",
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true",
    },
    async (env) => {
      await runNpmCommand(env, "staff:create", ADMIN.email, ADMIN.password, "--admin");
      revocable = (await runNpmCommand(env, "token:create", "revoked in the scale suite")).trim().split("\n").at(-1)!;
    },
  );
  bearer = { authorization: `Bearer ${cluster.backend.token}` };
  sql = postgres(cluster.backend.databaseUrl!, { max: 2, onnotice: () => {} });
  const response = await fetch(through("/api/admin/webhooks"), {
    method: "POST",
    headers: { ...(await adminSession()), "content-type": "application/json" },
    body: JSON.stringify({ url: receiver.url(HOOK_PATH), events: ["ticket.created", "ticket.closed"] }),
  });
  if (response.status !== 201) throw new Error(`webhook registration: ${response.status} ${await response.text()}`);
  endpoint = (await response.json()) as WebhookEndpoint & { secret: string };
  receiver.secrets.push(endpoint.secret);
}, 240_000);

afterAll(async () => {
  await sql?.end();
  await cluster?.stop();
  await receiver?.close();
  await sink?.stop();
});

/** The number a `select count(*)::int as n` query answers. */
const count = async (rows: PromiseLike<Array<{ n: number }>>) => (await rows)[0]!.n;

const through = (path: string) => `${cluster.balancer.url}${path}`;

let session: Promise<Record<string, string>> | undefined;

/** The admin's session, signed in once through the balancer (any instance then reads it from the database). */
function adminSession(): Promise<Record<string, string>> {
  session ??= signIn(ADMIN, cluster.balancer.url).then(async ({ response, cookie }) => {
    if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
    return { cookie, origin: cluster.balancer.url };
  });
  return session;
}

function createTicket(body: Record<string, unknown>): Promise<Response> {
  return fetch(through("/api/support-tickets"), { method: "POST", headers: { ...bearer, "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Requests per instance, and answers by class, between two readings of HAProxy's counters. */
function served(before: ServerStat[], after: ServerStat[]): Record<string, Record<"requests" | "2xx" | "4xx" | "5xx" | "retried" | "redispatched", number>> {
  return Object.fromEntries(
    after.map((stat) => {
      const earlier = before.find((entry) => entry.name === stat.name)!;
      return [
        stat.name,
        {
          requests: stat.sessions - earlier.sessions,
          "2xx": stat.responses2xx - earlier.responses2xx,
          "4xx": stat.responses4xx - earlier.responses4xx,
          "5xx": stat.responses5xx - earlier.responses5xx,
          retried: stat.retries - earlier.retries,
          redispatched: stat.redispatches - earlier.redispatches,
        },
      ];
    }),
  );
}

/** A public create from a loopback address of its own: HAProxy sees that address as the client's and forwards it. */
function fileFrom(localAddress: string, index: number): Promise<number> {
  const body = JSON.stringify(seedTicket(`budget-${index}`, index));
  return new Promise((resolve, reject) => {
    const sent = request(through("/api/support-tickets"), {
      method: "POST",
      localAddress,
      agent: false,
      headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
    });
    sent.on("response", (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    sent.on("error", reject);
    sent.end(body);
  });
}

interface LoadResult {
  statuses: number[];
  failures: string[];
  slowestMs: number;
}

/** `workers` clients each running `step` back to back until `running()` turns false. */
async function load(workers: number, running: () => boolean, step: (worker: number, index: number) => Promise<number>): Promise<LoadResult> {
  const result: LoadResult = { statuses: [], failures: [], slowestMs: 0 };
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let index = 0; running(); index++) {
        const started = performance.now();
        const status = await step(worker, index).catch((error: Error) => {
          result.failures.push(`${error.message} ${String((error.cause as Error | undefined)?.message ?? "")}`);
          return 0;
        });
        result.slowestMs = Math.max(result.slowestMs, performance.now() - started);
        result.statuses.push(status);
      }
    }),
  );
  return result;
}

describe(`${INSTANCES} instances behind HAProxy on one PostgreSQL database and Redis`, () => {
  it("share one rate-limit budget per client: exactly the budget is accepted, however the requests are spread", async () => {
    // A loopback address of this run's own (127.x.y.z), so earlier runs' counters in Redis do not count.
    const client = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const before = await cluster.balancer.stats();
    const statuses: number[] = [];
    // In rounds of one request per instance, so round robin gives each instance its share.
    for (let round = 0; round < PUBLIC_CREATE_BUDGET; round++) {
      statuses.push(...(await Promise.all(Array.from({ length: INSTANCES }, (_, index) => fileFrom(client, round * INSTANCES + index)))));
    }
    const spread = served(before, await cluster.balancer.stats());
    console.log(`[scale] rate limit: ${statuses.length} creates from ${client}, per instance ${JSON.stringify(spread)}`);
    expect(statuses.filter((status) => status === 201)).toHaveLength(PUBLIC_CREATE_BUDGET);
    expect(statuses.filter((status) => status === 429)).toHaveLength(statuses.length - PUBLIC_CREATE_BUDGET);
    // Every instance took requests, and more than one of them refused: the budget was one, not one per instance.
    for (const counts of Object.values(spread)) expect(counts.requests).toBeGreaterThan(0);
    expect(Object.values(spread).filter((counts) => counts["4xx"] > 0).length).toBeGreaterThan(1);
  });

  it(`a revoked API token stops working on every instance within ${TOKEN_CACHE_MS / 1000} s`, async () => {
    const headers = { authorization: `Bearer ${revocable}` };
    const askEach = () => Promise.all(cluster.instances.map((instance) => fetch(`${instance.baseURL}/api/support-tickets?limit=1`, { headers }).then((response) => response.status)));
    // Each instance checks the token now and keeps it for TOKEN_CACHE_MS.
    expect(await askEach()).toEqual(Array(INSTANCES).fill(200));

    const session = await adminSession();
    const tokens = (await (await fetch(through("/api/admin/api-tokens"), { headers: session })).json()) as Array<{ id: number; name: string }>;
    const { id } = tokens.find((token) => token.name === "revoked in the scale suite")!;
    const revoked = await fetch(through(`/api/admin/api-tokens/${id}`), { method: "DELETE", headers: session });
    expect(revoked.status).toBe(204);
    const revokedAt = performance.now();

    // Each delay runs to the moment the refused request was sent, so a slow answer on a busy machine does not count.
    const delays = await Promise.all(
      cluster.instances.map((instance) =>
        eventually(
          async () => {
            const sentAfter = Math.round(performance.now() - revokedAt);
            const response = await fetch(`${instance.baseURL}/api/support-tickets?limit=1`, { headers });
            return response.status === 401 && sentAfter;
          },
          `${instance.baseURL} to refuse the revoked token`,
          TOKEN_CACHE_MS + 2_000,
        ),
      ),
    );
    console.log(`[scale] revoked token refused by each instance after ${delays.join(" / ")} ms`);
    for (const delay of delays) expect(delay).toBeLessThanOrEqual(TOKEN_CACHE_MS + 1_000);
    expect((await fetch(through("/api/support-tickets?limit=1"), { headers })).status).toBe(401);
  });

  it("runs the email outbox, auto-close, service-level breaches and webhooks exactly once across instances", async () => {
    // Registered in beforeAll: an instance other than the one that saved it learns of it within 10 s (docs/webhooks.md).
    // Each instance files a probe ticket until its change queues a delivery.
    await eventually(async () => {
      const known = await Promise.all(
        cluster.instances.map(async (instance) => {
          const response = await fetch(`${instance.baseURL}/api/support-tickets`, {
            method: "POST",
            headers: { ...bearer, "content-type": "application/json" },
            body: JSON.stringify(seedTicket("webhook-probe", 0)),
          });
          const { id } = (await response.json()) as { id: number };
          const queued = await count(sql<Array<{ n: number }>>`
            select count(*)::int as n from webhook_deliveries where endpoint_id = ${endpoint.id} and payload::jsonb #>> '{data,ticket,id}' = ${String(id)}`);
          return queued > 0;
        }),
      );
      return known.every(Boolean);
    }, "every instance to know the webhook endpoint", 15_000);

    const marker = `jobs-${randomUUID().slice(0, 8)}`;
    const hourAgo = new Date(Date.now() - 60 * 60_000).toISOString();
    const monthAgo = new Date(Date.now() - 30 * 24 * 60 * 60_000).toISOString();
    // Fresh tickets (a confirmation and ticket.created each); resolved an hour ago (auto-close is due at once: a closing
    // email and ticket.closed); filed a month ago and never answered (both service-level targets breached).
    const kinds = [
      ...Array.from({ length: 12 }, () => ({ kind: "fresh", extra: {} })),
      ...Array.from({ length: 8 }, () => ({ kind: "resolved", extra: { status: "resolved", createdAt: hourAgo, updatedAt: hourAgo } })),
      ...Array.from({ length: 8 }, () => ({ kind: "late", extra: { createdAt: monthAgo, updatedAt: monthAgo } })),
    ];
    const created = await Promise.all(
      kinds.map(async ({ kind, extra }, index) => {
        const response = await createTicket({ ...seedTicket(`${marker}-${index}`, index), ...extra });
        expect(response.status).toBe(201);
        return { kind, id: ((await response.json()) as { id: number }).id };
      }),
    );
    const ids = created.map(({ id }) => id);
    const idsOf = (kind: string) => created.filter((ticket) => ticket.kind === kind).map(({ id }) => id);

    await eventually(async () => {
      const closed = await count(sql<Array<{ n: number }>>`select count(*)::int as n from tickets where id = any(${idsOf("resolved")}) and status = 'closed'`);
      const breaches = await count(sql<Array<{ n: number }>>`select count(*)::int as n from ticket_events where ticket_id = any(${idsOf("late")}) and type = 'sla_breached'`);
      const unsent = await count(sql<Array<{ n: number }>>`select count(*)::int as n from outbox_messages where ticket_id = any(${ids}) and status <> 'sent'`);
      const undelivered = await count(sql<Array<{ n: number }>>`
        select count(*)::int as n from webhook_deliveries where endpoint_id = ${endpoint.id} and status <> 'delivered'`);
      return closed === idsOf("resolved").length && breaches === 2 * idsOf("late").length && unsent === 0 && undelivered === 0;
    }, "every job to finish its work", 60_000);

    const closings = await sql`
      select ticket_id, count(*)::int as times from ticket_events
      where ticket_id = any(${idsOf("resolved")}) and type = 'status_changed' and to_value = 'closed' and actor = 'system:auto-close'
      group by ticket_id`;
    expect(closings.map((row) => row.times)).toEqual(Array(idsOf("resolved").length).fill(1));
    const breaches = await sql`
      select ticket_id, to_value, count(*)::int as times from ticket_events
      where ticket_id = any(${ids}) and type = 'sla_breached' group by ticket_id, to_value`;
    expect(breaches.every((row) => row.times === 1), JSON.stringify(breaches)).toBe(true);

    const outbox = await sql`select message_id from outbox_messages where ticket_id = any(${ids})`;
    const mails = sink.received.filter((mail) => mail.recipients.some((address) => address.startsWith(`${marker}-`)));
    const mailIds = mails.map((mail) => mail.parsed.messageId);
    expect(new Set(mailIds).size, "no email twice").toBe(mailIds.length);
    expect(new Set(mailIds)).toEqual(new Set(outbox.map((row) => row.message_id as string)));

    const deliveries = await sql`select webhook_id, payload::jsonb #>> '{data,ticket,id}' as ticket_id from webhook_deliveries where endpoint_id = ${endpoint.id}`;
    const arrivals = receiver.received.filter((delivery) => delivery.path === HOOK_PATH);
    const hookIds = arrivals.map((delivery) => String(delivery.headers["webhook-id"]));
    expect(new Set(hookIds).size, "no webhook twice").toBe(hookIds.length);
    expect(new Set(hookIds)).toEqual(new Set(deliveries.map((row) => row.webhook_id as string)));
    expect(arrivals.every((delivery) => delivery.verifiedBy.length === 1)).toBe(true);
    // created + closed for the tickets of this test; the endpoint was registered just before them.
    expect(deliveries.filter((row) => ids.includes(Number(row.ticket_id))).length).toBe(ids.length + idsOf("resolved").length);
    console.log(
      `[scale] jobs: ${ids.length} tickets, ${mails.length} emails each sent once, ${arrivals.length} webhooks each delivered once, ` +
        `${closings.length} auto-closed once, ${breaches.length} breaches recorded once`,
    );
  });

  it("a rolling restart (SIGTERM, restart, back in the balancer) under load drops no request", async () => {
    const marker = `rolling-${randomUUID().slice(0, 8)}`;
    let running = true;
    const before = await cluster.balancer.stats();
    const started = performance.now();
    const traffic = load(6, () => running, async (worker, index) => {
      const response = await createTicket(seedTicket(marker, worker * 100_000 + index));
      if (response.status !== 201) return response.status;
      const { id } = (await response.json()) as { id: number };
      const read = await fetch(through(`/api/support-tickets/${id}`), { headers: bearer });
      await read.arrayBuffer();
      return read.status;
    });
    const restarts: Array<{ exitCode: number | null; stopMs: number; startMs: number }> = [];
    try {
      // Traffic first reaches every instance, then each is replaced in turn.
      await eventually(async () => Object.values(served(before, await cluster.balancer.stats())).every((counts) => counts.requests > 0), "load on every instance");
      for (let index = 0; index < INSTANCES; index++) restarts.push(await cluster.restart(index));
    } finally {
      running = false;
    }
    const result = await traffic;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const spread = served(before, await cluster.balancer.stats());
    console.log(
      `[scale] rolling restart in ${seconds} s: ${result.statuses.length} create+read pairs, ` +
        `${result.statuses.filter((status) => status !== 200).length} not answered 2xx, slowest ${Math.round(result.slowestMs)} ms; ` +
        `drained and exited in ${restarts.map((restart) => restart.stopMs).join(" / ")} ms, back in the balancer ${restarts.map((restart) => restart.startMs).join(" / ")} ms later; ` +
        `per instance ${JSON.stringify(spread)}`,
    );
    expect(restarts.map((restart) => restart.exitCode)).toEqual(Array(INSTANCES).fill(143));
    expect(result.failures).toEqual([]);
    expect(result.statuses.filter((status) => status !== 200)).toEqual([]);
    expect(result.statuses.length).toBeGreaterThan(50);
    const stored = await ticketsOf(cluster.balancer.url, cluster.backend.token, `${marker}@example.com`);
    expect(stored.length).toBeGreaterThanOrEqual(result.statuses.length);
  });

  it("a SIGKILL of one instance under load loses no acknowledged ticket or message, and the balancer keeps serving", async () => {
    const marker = `killed-${randomUUID().slice(0, 8)}`;
    const tickets: number[] = [];
    const messages: Array<{ ticketId: number; id: number }> = [];
    let killedAt = Infinity;
    const afterKill: number[] = [];
    let running = true;
    const step = async (worker: number, index: number) => {
      const startedAt = performance.now();
      const response = await createTicket(seedTicket(marker, worker * 100_000 + index));
      if (response.status !== 201) return response.status;
      const { id } = (await response.json()) as { id: number };
      tickets.push(id);
      const reply = await fetch(through(`/api/support-tickets/${id}/messages`), {
        method: "POST",
        headers: { ...bearer, "content-type": "application/json" },
        body: JSON.stringify({ body: `Reply ${index} from worker ${worker}`, kind: "reply" }),
      });
      if (reply.status === 201) messages.push({ ticketId: id, id: ((await reply.json()) as { id: number }).id });
      if (startedAt > killedAt) afterKill.push(reply.status);
      return reply.status;
    };
    const traffic = load(6, () => running, step);
    try {
      await eventually(() => tickets.length >= 30 && tickets, "the load to be steady");
      const victim = cluster.instances[1]!;
      killedAt = performance.now();
      expect(await victim.stop("SIGKILL")).toBeNull();
      await eventually(() => afterKill.filter((status) => status === 201).length >= 30, "requests to succeed after the kill");
    } finally {
      running = false;
    }
    const result = await traffic;
    const failed = result.statuses.filter((status) => status !== 201).length;
    console.log(
      `[scale] SIGKILL: ${tickets.length} tickets and ${messages.length} messages acknowledged, ${failed} requests not acknowledged ` +
        `(${result.failures.length} errors), ${afterKill.length} started after the kill (${afterKill.filter((status) => status === 201).length} acknowledged)`,
    );
    const stored = new Set((await ticketsOf(cluster.balancer.url, cluster.backend.token, `${marker}@example.com`)).map((ticket) => ticket.id));
    for (const id of tickets) expect(stored.has(id), `acknowledged ticket ${id}`).toBe(true);
    const found = await count(sql<Array<{ n: number }>>`
      select count(*)::int as n from ticket_messages where id = any(${messages.map((message) => message.id)})`);
    expect(found).toBe(messages.length);
    // Requests started after the kill: the balancer took the dead instance out (refused connections are retried elsewhere).
    expect(afterKill.every((status) => status === 201), JSON.stringify(afterKill.filter((status) => status !== 201))).toBe(true);
  });
});
