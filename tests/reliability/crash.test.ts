import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppProcess, type Backend, type BackendName, prepareBackend, seedTicket, ticketsOf } from "./app-process";

const ROUNDS = 3;
const WRITERS = 8;

// Concurrent writers file tickets until the server dies; every ticket acknowledged with a 201 must survive.
async function writeUntilKilled(app: AppProcess, marker: string, extraDelayMs: number) {
  const acknowledged = new Map<number, Record<string, unknown>>();
  let index = 0;
  let stopped = false;
  const writer = async () => {
    while (!stopped) {
      const body = seedTicket(marker, index++);
      try {
        const response = await fetch(`${app.baseURL}/api/support-tickets`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        if (response.status === 201) {
          const ticket = (await response.json()) as Record<string, unknown>;
          acknowledged.set(ticket.id as number, body);
        } else if (response.status >= 500) {
          throw new Error(`unexpected ${response.status}`);
        }
      } catch {
        stopped = true; // the server is gone
      }
    }
  };
  // One request first, so the kill lands in steady load rather than in the first request's warm-up.
  const first = seedTicket(marker, index++);
  const warmUp = await fetch(`${app.baseURL}/api/support-tickets`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(first),
  });
  acknowledged.set(((await warmUp.json()) as { id: number }).id, first);
  const writers = Array.from({ length: WRITERS }, writer);
  // Kill at a random moment once the load is steady (some tickets acknowledged), however busy the machine.
  const steadyBy = Date.now() + 30_000;
  while (acknowledged.size < 20 && Date.now() < steadyBy) await new Promise((resolve) => setTimeout(resolve, 20));
  await new Promise((resolve) => setTimeout(resolve, extraDelayMs));
  app.child.kill("SIGKILL");
  await Promise.all(writers);
  await app.exited;
  return { acknowledged, attempted: index };
}

describe.each<BackendName>(["PGlite", "PostgreSQL"])("a SIGKILL under write load on %s", (name) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = await prepareBackend(name);
  });
  afterAll(async () => {
    await backend.cleanup();
  });

  it(`loses no acknowledged ticket over ${ROUNDS} kills and restarts`, async () => {
    const report: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const marker = `crash-${round}-${randomUUID().slice(0, 8)}`;
      const app = await AppProcess.start(backend.env);
      const extraDelayMs = Math.floor(Math.random() * 1_000);
      const { acknowledged, attempted } = await writeUntilKilled(app, marker, extraDelayMs);
      expect(acknowledged.size, "the load produced acknowledged tickets before the kill").toBeGreaterThan(1);

      const restarted = await AppProcess.start(backend.env);
      try {
        const stored = await ticketsOf(restarted.baseURL, backend.token, `${marker}@example.com`);
        const byId = new Map(stored.map((ticket) => [ticket.id as number, ticket]));
        for (const [id, body] of acknowledged) {
          expect(byId.get(id), `ticket ${id} was acknowledged`).toMatchObject({ ...body, status: "open" });
        }
        // Committed but unacknowledged tickets may exist (the reply was lost); each is whole.
        for (const ticket of stored) {
          expect(ticket).toMatchObject({ email: `${marker}@example.com`, status: "open", attachments: [] });
        }
        report.push(`round ${round}: killed ${extraDelayMs} ms into steady load, ${attempted} attempted, ${acknowledged.size} acknowledged, ${stored.length} stored`);
      } finally {
        await restarted.stop();
      }
    }
    console.log(`[crash ${name}] ${report.join("; ")}`);
  });
});
