import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOWED_MOVES, type TicketStatus } from "@/lib/tickets/workflow";
import { AppProcess, type Backend, prepareBackend, seedTicket, ticketsOf } from "./app-process";

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const AGENTS = 8;

describe(`a ${SOAK_SECONDS} s soak of mixed load on PostgreSQL`, () => {
  let backend: Backend;
  let app: AppProcess;
  beforeAll(async () => {
    backend = await prepareBackend("PostgreSQL");
    app = await AppProcess.start(backend.env);
  });
  afterAll(async () => {
    await app.stop();
    await backend.cleanup();
  });

  it("answers no 5xx, keeps memory flat and reconciles every count", async () => {
    const marker = `soak-${randomUUID().slice(0, 8)}`;
    const headers = { authorization: `Bearer ${backend.token}`, "content-type": "application/json" };
    const mine: number[] = [];
    const counts = { requests: 0, serverErrors: 0, created: 0, moves: 0, refusedMoves: 0 };
    const call = async (path: string, init: RequestInit = {}) => {
      const response = await fetch(`${app.baseURL}${path}`, { ...init, headers: { ...headers, ...init.headers } });
      counts.requests++;
      if (response.status >= 500) counts.serverErrors++;
      return response;
    };

    const operations = [
      async () => {
        const response = await call("/api/support-tickets", {
          method: "POST",
          body: JSON.stringify(seedTicket(marker, counts.requests)),
        });
        if (response.status === 201) {
          counts.created++;
          mine.push(((await response.json()) as { id: number }).id);
        }
      },
      async () => void (await (await call("/api/support-tickets?status=open&limit=50")).arrayBuffer()),
      async () => void (await (await call(`/api/support-tickets?q=crashes&email=${marker}%40example.com`)).arrayBuffer()),
      async () => {
        const id = mine[Math.floor(Math.random() * mine.length)];
        if (id) await (await call(`/api/support-tickets/${id}`)).arrayBuffer();
      },
      async () => {
        const id = mine[Math.floor(Math.random() * mine.length)];
        if (!id) return;
        const current = await call(`/api/support-tickets/${id}`);
        const { status } = (await current.json()) as { status: TicketStatus };
        const options = ALLOWED_MOVES[status];
        if (options.length === 0) return;
        const to = options[Math.floor(Math.random() * options.length)];
        const moved = await call(`/api/support-tickets/${id}`, {
          method: "PATCH",
          headers: { "if-match": current.headers.get("etag")! },
          body: JSON.stringify({ status: to }),
        });
        await moved.arrayBuffer();
        if (moved.status === 200) counts.moves++;
        else counts.refusedMoves++;
      },
    ];

    for (let i = 0; i < 20; i++) await operations[0]!();
    const rssStart = app.rssMiB();
    let rssPeak = rssStart;
    const deadline = Date.now() + SOAK_SECONDS * 1000;
    // Memory is compared from the end of warm-up (a tenth of the run: JIT, caches, pools) to the end.
    let rssSteady = rssStart;
    const steadyTimer = setTimeout(() => (rssSteady = app.rssMiB()), (SOAK_SECONDS * 1000) / 10);
    const agent = async () => {
      while (Date.now() < deadline) {
        await operations[Math.floor(Math.random() * operations.length)]!();
        rssPeak = Math.max(rssPeak, app.rssMiB());
      }
    };
    await Promise.all(Array.from({ length: AGENTS }, agent));
    clearTimeout(steadyTimer);
    const rssEnd = app.rssMiB();

    const stored = await ticketsOf(app.baseURL, backend.token, `${marker}@example.com`);
    // Each ticket's version counts the moves applied to it (read a few at a time, not thousands at once).
    const versions: number[] = [];
    for (let start = 0; start < stored.length; start += 16) {
      const batch = stored.slice(start, start + 16).map(async (ticket) => {
        const response = await fetch(`${app.baseURL}/api/support-tickets/${ticket.id}`, { headers });
        await response.arrayBuffer();
        return Number(/"v(\d+)"/.exec(response.headers.get("etag")!)![1]);
      });
      versions.push(...(await Promise.all(batch)));
    }
    const movesRecorded = versions.reduce((sum, version) => sum + version - 1, 0);
    console.log(
      `[soak] ${SOAK_SECONDS} s, ${AGENTS} agents: ${counts.requests} requests, ${counts.serverErrors} 5xx, ` +
        `${counts.created} created / ${stored.length} stored, ${counts.moves} moves / ${movesRecorded} recorded ` +
        `(${counts.refusedMoves} refused as stale), RSS ${rssStart.toFixed(0)} MiB at start, ${rssSteady.toFixed(0)} after warm-up, ${rssEnd.toFixed(0)} at the end (peak ${rssPeak.toFixed(0)})`,
    );
    expect(counts.serverErrors).toBe(0);
    expect(stored.length).toBe(counts.created);
    expect(movesRecorded).toBe(counts.moves);
    expect(rssEnd, "memory stays flat after warm-up").toBeLessThan(rssSteady * 1.3 + 50);
  });
});
