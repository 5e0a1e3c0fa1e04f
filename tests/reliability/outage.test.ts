import { createServer, type Server, type Socket, connect } from "node:net";
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

async function timed(request: () => Promise<Response>): Promise<{ status: number; ms: number }> {
  const started = Date.now();
  const response = await request();
  await response.arrayBuffer();
  return { status: response.status, ms: Date.now() - started };
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

  it("answers 503 quickly while the database is down and recovers by itself", async () => {
    const create = () =>
      fetch(`${app.baseURL}/api/support-tickets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(seedTicket("outage", 1)),
      });
    const list = () => fetch(`${app.baseURL}/api/support-tickets`, { headers: { authorization: `Bearer ${backend.token}` } });
    const health = () => fetch(`${app.baseURL}/api/health`);

    expect((await timed(create)).status).toBe(201);
    await link.down();

    const during = await Promise.all([...Array.from({ length: 10 }, () => timed(create)), timed(list), timed(health)]);
    for (const result of during) {
      expect(result.status).toBe(503);
      expect(result.ms, "no request hangs while the database is down").toBeLessThan(10_000);
    }
    const problem = await (await create()).json();
    expect(problem).toMatchObject({ status: 503, title: "Service Unavailable" });
    expect(app.child.exitCode, "the app keeps running").toBeNull();

    await link.up();
    const restored = Date.now();
    let healthy = false;
    while (!healthy && Date.now() - restored < 30_000) {
      healthy = (await health()).status === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy, "health is 200 again without a restart").toBe(true);
    console.log(`[outage] ${during.length} requests during the outage, slowest ${Math.max(...during.map((r) => r.ms))} ms; healthy ${Date.now() - restored} ms after the database came back`);
    expect((await timed(create)).status).toBe(201);
    expect((await timed(list)).status).toBe(200);
  });
});
