import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { canMove, TICKET_STATUSES, type TicketStatus } from "@/lib/tickets/workflow";
import { AppProcess, type Backend, type BackendName, prepareBackend, seedTicket, ticketsOf } from "./app-process";

describe.each<BackendName>(["PGlite", "PostgreSQL"])("concurrent agents on %s", (name) => {
  let backend: Backend;
  let app: AppProcess;
  const auth = () => ({ authorization: `Bearer ${backend.token}`, "content-type": "application/json" });

  beforeAll(async () => {
    backend = await prepareBackend(name);
    app = await AppProcess.start(backend.env);
  });
  afterAll(async () => {
    await app.stop();
    await backend.cleanup();
  });

  it("50 agents moving one ticket at once: each move applied or refused, the history a legal chain", async () => {
    const created = await fetch(`${app.baseURL}/api/support-tickets`, {
      method: "POST",
      headers: auth(),
      body: JSON.stringify(seedTicket(`agents-${randomUUID().slice(0, 8)}`, 0)),
    });
    const { id } = (await created.json()) as { id: number };

    const moves = Array.from({ length: 50 }, (_, agent) => {
      const to = TICKET_STATUSES[agent % TICKET_STATUSES.length]!;
      // Half the agents send the version they loaded (1), half send no precondition.
      const headers = agent % 2 ? { ...auth(), "if-match": '"v1"' } : auth();
      return fetch(`${app.baseURL}/api/support-tickets/${id}`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ status: to }),
      }).then(async (response) => ({
        status: response.status,
        version: Number(/"v(\d+)"/.exec(response.headers.get("etag") ?? "")?.[1] ?? 0),
        ticket: (await response.json()) as { status: TicketStatus },
      }));
    });
    const results = await Promise.all(moves);

    for (const result of results) expect([200, 409, 412]).toContain(result.status);
    const applied = results.filter((result) => result.status === 200).sort((a, b) => a.version - b.version);
    expect(applied.length).toBeGreaterThan(0);
    // Every applied move produced the next version, and each step was a legal move from the one before.
    let previous: TicketStatus = "open";
    applied.forEach((result, index) => {
      expect(result.version).toBe(index + 2);
      expect(canMove(previous, result.ticket.status), `${previous} → ${result.ticket.status}`).toBe(true);
      previous = result.ticket.status;
    });
    const final = await fetch(`${app.baseURL}/api/support-tickets/${id}`, { headers: auth() });
    expect(final.headers.get("etag")).toBe(`"v${applied.length + 1}"`);
    expect(((await final.json()) as { status: string }).status).toBe(previous);
  });

  it("50 concurrent retries of one idempotent create make one ticket", async () => {
    const marker = `retries-${randomUUID().slice(0, 8)}`;
    const key = randomUUID();
    const body = JSON.stringify(seedTicket(marker, 0));
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`${app.baseURL}/api/support-tickets`, {
          method: "POST",
          headers: { "content-type": "application/json", "idempotency-key": key },
          body,
        }).then(async (response) => ({ status: response.status, body: (await response.json()) as { id?: number } })),
      ),
    );
    for (const result of results) expect([201, 409]).toContain(result.status);
    const ids = new Set(results.filter((result) => result.status === 201).map((result) => result.body.id));
    expect(ids.size).toBe(1);
    expect(await ticketsOf(app.baseURL, backend.token, `${marker}@example.com`)).toHaveLength(1);
  });
});
