import { randomUUID } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppProcess, type Backend, prepareBackend, seedTicket, ticketsOf } from "./app-process";

describe("SIGTERM", () => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await prepareBackend("PostgreSQL");
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it("finishes the requests in flight, refuses new ones, and loses nothing it acknowledged", async () => {
    const app = await AppProcess.start(backend.env);
    const marker = `sigterm-${randomUUID().slice(0, 8)}`;
    const post = (index: number) =>
      fetch(`${app.baseURL}/api/support-tickets`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(seedTicket(marker, index)),
      }).then(
        async (response) => ({ status: response.status, body: (await response.json()) as { id?: number } }),
        () => ({ status: 0, body: {} as { id?: number } }),
      );

    const inFlight = Array.from({ length: 40 }, (_, index) => post(index));
    await new Promise((resolve) => setTimeout(resolve, 30));
    app.child.kill("SIGTERM");
    const results = await Promise.all(inFlight);
    const code = await app.exited;
    expect([0, 143]).toContain(code);

    const after = await post(999);
    expect(after.status, "nothing answers after the shutdown").toBe(0);
    for (const result of results) expect([0, 201]).toContain(result.status);
    const acknowledged = results.filter((result) => result.status === 201).map((result) => result.body.id);
    expect(acknowledged.length).toBeGreaterThan(0);

    const restarted = await AppProcess.start(backend.env);
    try {
      const stored = new Set((await ticketsOf(restarted.baseURL, backend.token, `${marker}@example.com`)).map((t) => t.id));
      for (const id of acknowledged) expect(stored.has(id), `acknowledged ticket ${id}`).toBe(true);
      console.log(`[sigterm] ${results.length} in flight: ${acknowledged.length} acknowledged and kept, ${results.length - acknowledged.length} refused`);
    } finally {
      await restarted.stop();
    }
  });

  it("answers a request it holds at the signal with Connection: close, so a balancer's pooled connection ends with it", async () => {
    const app = await AppProcess.start(backend.env);
    const { port } = new URL(app.baseURL);
    const body = JSON.stringify(seedTicket(`sigterm-keepalive-${randomUUID().slice(0, 8)}`, 0));
    const answer = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const request = http.request(`${app.baseURL}/api/support-tickets`, {
        method: "POST",
        agent: new http.Agent({ keepAlive: true }),
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), expect: "100-continue" },
      });
      // "100 Continue" means the server holds the request; the body follows once it has stopped listening.
      request.once("continue", () => {
        app.child.kill("SIGTERM");
        void untilRefused(Number(port)).then(() => request.end(body), reject);
      });
      request.once("response", (response) => {
        response.resume();
        response.once("end", () => resolve({ status: response.statusCode!, connection: response.headers.connection }));
      });
      request.once("error", reject);
      request.flushHeaders();
    });
    expect(answer.status).toBe(201);
    expect(answer.connection).toBe("close");
    expect([0, 143]).toContain(await app.exited);
  });
});

/** Resolves once nothing accepts connections on the port any more (a stopping server has closed its listener). */
async function untilRefused(port: number): Promise<void> {
  for (;;) {
    const accepted = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve(true);
      });
      socket.once("error", () => resolve(false));
    });
    if (!accepted) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
