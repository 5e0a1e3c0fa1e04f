// npm run bench:webhooks [-- --tickets=300] [--concurrency=4] [--polls=1000,100]
// Webhook delivery latency: for each poll interval, starts the built app (npm run build first) on a fresh database
// (PGlite, or one created on the PostgreSQL server in DATABASE_URL) with a local receiver, registers one endpoint
// for ticket.created, files tickets a few at a time and measures each one's time from the POST's 201 to the
// receiver's arrival of its event. Writes bench/results/<date>.json.
import { runNpmCommand, startTestServer, type TestServer } from "../tests/support/test-server";
import { type ReceivedDelivery, startWebhookReceiver, type WebhookReceiver } from "../tests/support/webhook-receiver";
import { newReport, percentile, saveReport, table } from "./report";

const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value] = arg.replace(/^--/, "").split("=");
    return [name!, value ?? "true"] as const;
  }),
);
const tickets = Number(args.get("tickets") ?? 300);
const concurrency = Number(args.get("concurrency") ?? 4);
const polls = (args.get("polls") ?? "1000,100").split(",").filter(Boolean).map(Number);
const database = process.env.DATABASE_URL ? "postgres" : "pglite";
// Tickets filed and delivered before the measured ones, so loading the routes' code is not measured.
const WARM_UP = 5;
const ADMIN = { email: "bench-webhooks-admin@example.com", password: "bench-webhooks-password-1" };

interface Run {
  database: string;
  pollMs: number;
  tickets: number;
  concurrency: number;
  /** Tickets filed per second while measuring (the load the worker kept up with). */
  filedPerSecond: number;
  /** Events the receiver got per second from the first measured arrival to the last (the worker's pace). */
  deliveredPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
  /** Events whose delivery arrived before the client had read the POST's 201 (a negative latency). */
  beforeTheAnswer: number;
  /** Arrivals beyond the first for one webhook-id: at-least-once delivery sending an event again. */
  duplicates: number;
  /** Arrivals the receiver could not verify with the endpoint's secret. */
  unverified: number;
}

const ticketIdOf = (delivery: ReceivedDelivery) => (JSON.parse(delivery.body) as { data: { ticket: { id: number } } }).data.ticket.id;

async function registerEndpoint(server: TestServer, receiver: WebhookReceiver): Promise<void> {
  const signIn = await fetch(`${server.baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: server.baseURL },
    body: JSON.stringify(ADMIN),
  });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
  const response = await fetch(`${server.baseURL}/api/admin/webhooks`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie, origin: server.baseURL },
    body: JSON.stringify({ url: receiver.url("/bench"), events: ["ticket.created"] }),
  });
  if (response.status !== 201) throw new Error(`register: ${response.status} ${await response.text()}`);
  receiver.secrets.push(((await response.json()) as { secret: string }).secret);
}

/** Files `count` tickets, `concurrency` at a time; returns when each one's 201 was read, by ticket id. */
async function fileTickets(server: TestServer, count: number, label: string): Promise<Map<number, number>> {
  const acknowledged = new Map<number, number>();
  let next = 0;
  const filer = async () => {
    for (let index = next++; index < count; index = next++) {
      const response = await fetch(`${server.baseURL}/api/support-tickets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          roleContext: "tourist",
          fullName: "Bench Webhooks",
          email: `bench-webhooks-${label}-${index}@example.com`,
          subject: "Payout to my bank account is late",
          category: "General Inquiry",
          message: "My payout for the Oaxaca food tour last week has not arrived. The dashboard says it was sent on Monday.",
        }),
      });
      if (response.status !== 201) throw new Error(`ticket ${index}: ${response.status} ${await response.text()}`);
      const { id } = (await response.json()) as { id: number };
      acknowledged.set(id, Date.now());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, filer));
  return acknowledged;
}

/** The first arrival of each ticket's event, once every one has arrived. */
async function arrivals(receiver: WebhookReceiver, ids: Iterable<number>, timeoutMs = 120_000): Promise<Map<number, ReceivedDelivery>> {
  const wanted = new Set(ids);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const first = new Map<number, ReceivedDelivery>();
    for (const delivery of receiver.received) {
      const id = ticketIdOf(delivery);
      if (wanted.has(id) && !first.has(id)) first.set(id, delivery);
    }
    if (first.size === wanted.size) return first;
    if (Date.now() > deadline) throw new Error(`${wanted.size - first.size} of ${wanted.size} events did not arrive within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}


async function measure(pollMs: number): Promise<Run> {
  console.log(`▶ ${database}, WEBHOOK_POLL_MS=${pollMs}: ${tickets} tickets, ${concurrency} at a time`);
  const receiver = await startWebhookReceiver();
  const server = await startTestServer({
    extraEnv: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: "true", WEBHOOK_POLL_MS: String(pollMs) },
    beforeStart: async (env) => void (await runNpmCommand(env, "staff:create", ADMIN.email, ADMIN.password, "--admin")),
  });
  try {
    await registerEndpoint(server, receiver);
    await arrivals(receiver, (await fileTickets(server, WARM_UP, "warm-up")).keys());

    const started = Date.now();
    const acknowledged = await fileTickets(server, tickets, "measured");
    const filedPerSecond = Math.round((tickets / (Date.now() - started)) * 1000 * 10) / 10;
    const arrived = await arrivals(receiver, acknowledged.keys());
    const latencies = [...acknowledged].map(([id, at]) => arrived.get(id)!.receivedAt - at).sort((a, b) => a - b);
    const arrivedAt = [...arrived.values()].map((delivery) => delivery.receivedAt);
    const deliveredPerSecond = Math.round((tickets / Math.max(1, Math.max(...arrivedAt) - Math.min(...arrivedAt))) * 1000 * 10) / 10;
    // Late duplicates would arrive after the first; a short wait lets a quick one show up in the count.
    await new Promise((resolve) => setTimeout(resolve, Math.max(1_000, 2 * pollMs)));
    const webhookIds = receiver.received.map((delivery) => String(delivery.headers["webhook-id"]));
    return {
      database,
      pollMs,
      tickets,
      concurrency,
      filedPerSecond,
      deliveredPerSecond,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      p99: percentile(latencies, 99),
      max: latencies.at(-1)!,
      mean: Math.round(latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length),
      beforeTheAnswer: latencies.filter((ms) => ms < 0).length,
      duplicates: webhookIds.length - new Set(webhookIds).size,
      unverified: receiver.received.filter((delivery) => delivery.verifiedBy.length === 0).length,
    };
  } finally {
    await server.stop();
    await receiver.close();
  }
}



const report = newReport(args);
const runs: Run[] = [];
for (const pollMs of polls) runs.push(await measure(pollMs));
report.webhooks = runs;
const file = await saveReport(report);

console.log(`\n${JSON.stringify(report.machine)}`);
console.log(`\nWebhook delivery latency on ${database}: from the POST's 201 to the receiver's arrival, ms`);
console.log(
  table(
    runs.map((run) => ({
      WEBHOOK_POLL_MS: run.pollMs,
      tickets: run.tickets,
      "filed/s": run.filedPerSecond,
      "delivered/s": run.deliveredPerSecond,
      p50: run.p50,
      p95: run.p95,
      p99: run.p99,
      max: run.max,
      mean: run.mean,
      "before the 201": run.beforeTheAnswer,
      duplicates: run.duplicates,
      unverified: run.unverified,
    })),
  ),
);
console.log(`\nWrote ${file}`);
