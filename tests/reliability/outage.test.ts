import { createServer, type Server, type Socket, connect } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../support/test-server";
import { AppProcess, type Backend, prepareBackend, seedTicket } from "./app-process";

/**
 * A TCP hop between the app and PostgreSQL that the test can cut and restore: an outage for this app
 * alone, without stopping the machine's database server under everyone else.
 */
class DatabaseLink {
  private server?: Server;
  private sockets = new Set<Socket>();
  constructor(
    private readonly target: { host: string; port: number },
    readonly port: number,
  ) {}

  async up(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(this.target.port, this.target.host);
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on("close", () => this.sockets.delete(socket));
        socket.on("error", () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(this.port, "127.0.0.1", resolve));
  }

  async down(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

interface Sample {
  kind: "create" | "list" | "health";
  started: number;
  ms: number;
  status: number;
  contentType: string;
}

const WRITERS = 4;
const OUTAGE_MS = 12_000;
/** The issue asks for "within a second": 95 % of answers must come that fast, and every one within twice that on a busy 2-core machine. */
const FAIL_FAST_MS = 1_000;
const FAIL_FAST_BOUND_MS = 2 * FAIL_FAST_MS;
const PACE_MS = 50;

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

function percentile(values: number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? 0;
}

describe("a PostgreSQL outage during load", () => {
  let backend: Backend;
  let link: DatabaseLink;
  let app: AppProcess;

  beforeAll(async () => {
    backend = await prepareBackend("PostgreSQL");
    const direct = new URL(backend.databaseUrl!);
    link = new DatabaseLink({ host: direct.hostname, port: Number(direct.port || 5432) }, await freePort());
    await link.up();
    const viaLink = new URL(direct);
    viaLink.host = `127.0.0.1:${link.port}`;
    app = await AppProcess.start({ ...backend.env, DATABASE_URL: viaLink.toString() });
  });
  afterAll(async () => {
    await app?.stop();
    await link?.down();
    await backend?.cleanup();
  });

  it("answers every request with a quick 503 while the database is down, and serves again as soon as it is back", async () => {
    const requests = {
      create: (index: number) =>
        fetch(`${app.baseURL}/api/support-tickets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(seedTicket("outage", index)),
        }),
      list: () => fetch(`${app.baseURL}/api/support-tickets?limit=5`, { headers: { authorization: `Bearer ${backend.token}` } }),
      health: () => fetch(`${app.baseURL}/api/health`),
    };
    const samples: Sample[] = [];
    let running = true;
    async function loop(kinds: Sample["kind"][]) {
      for (let index = 0; running; index++) {
        const kind = kinds[index % kinds.length]!;
        const started = Date.now();
        const response = await requests[kind](index);
        await response.arrayBuffer();
        samples.push({ kind, started, ms: Date.now() - started, status: response.status, contentType: response.headers.get("content-type") ?? "" });
        await sleep(PACE_MS);
      }
    }

    expect((await requests.create(0)).status).toBe(201);
    const clients = [...Array.from({ length: WRITERS }, () => loop(["create"])), loop(["list", "health"])];
    await waitUntil(() => samples.filter((sample) => sample.status === 201).length >= WRITERS, 10_000);

    const downAt = Date.now();
    await link.down();
    await sleep(OUTAGE_MS); // the outage itself: it lasts this long whatever the app does
    const upAt = Date.now();
    await link.up();
    await waitUntil(() => samples.some((sample) => sample.kind === "create" && sample.started >= upAt && sample.status === 201), 15_000);
    const recoveredAt = Math.min(...samples.filter((s) => s.kind === "create" && s.started >= upAt && s.status === 201).map((s) => s.started + s.ms));
    const afterRecovery = Date.now();
    await waitUntil(() => samples.filter((sample) => sample.started > afterRecovery).length >= 2 * WRITERS, 10_000);
    running = false;
    await Promise.all(clients);

    // Every request that started while the database was away, however long it took (one that hung would end after
    // upAt); the last moments before upAt are left out, as a request started then may rightly succeed once it is back.
    const during = samples.filter((sample) => sample.started >= downAt && sample.started <= upAt - FAIL_FAST_BOUND_MS);
    const latencies = during.map((sample) => sample.ms);
    console.log(
      `[outage] ${during.length} requests during a ${OUTAGE_MS / 1000} s outage (${WRITERS} writers, a reader): ` +
        `p50 ${percentile(latencies, 0.5)} ms, p95 ${percentile(latencies, 0.95)} ms, max ${Math.max(...latencies)} ms; ` +
        `first ticket filed ${recoveredAt - upAt} ms after the database came back`,
    );
    expect(during.length, "the clients kept getting answers").toBeGreaterThan(OUTAGE_MS / 1000 * WRITERS);
    for (const kind of ["create", "list", "health"] as const) expect(during.some((sample) => sample.kind === kind)).toBe(true);
    expect(percentile(latencies, 0.95), `95 % answered within ${FAIL_FAST_MS} ms`).toBeLessThan(FAIL_FAST_MS);
    for (const sample of during) {
      expect(sample, "a 503 problem+json").toMatchObject({ status: 503, contentType: expect.stringMatching(/^application\/problem\+json/) });
      expect(sample.ms, `${sample.kind} answered within ${FAIL_FAST_BOUND_MS} ms`).toBeLessThan(FAIL_FAST_BOUND_MS);
    }
    expect(recoveredAt - upAt, "serves again right after the database is back").toBeLessThan(5_000);
    for (const sample of samples.filter((s) => s.started > afterRecovery)) expect(sample.status, sample.kind).toBeLessThan(300);
    expect(app.child.exitCode, "the app keeps running").toBeNull();
  });
});
