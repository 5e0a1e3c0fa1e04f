import { describe, expect, it } from "vitest";
import { api, auth, createTicket, expectProblem } from "./client";

type Result = { id: number; status: number; ticket?: { priority: string; status: string }; problem?: { status: number; detail: string } };
const bulk = (json: unknown, headers: Record<string, string> = auth) => api("/api/support-tickets/bulk-update", { method: "POST", json, headers });
const results = async (json: unknown) => {
  const response = await bulk(json);
  expect(response.status).toBe(200);
  return ((await response.json()) as { results: Result[] }).results;
};
const read = async (id: number) => (await (await api(`/api/support-tickets/${id}`, { headers: auth })).json()) as { priority: string; status: string };

describe("POST /api/support-tickets/bulk-update", () => {
  it("applies one change to every named ticket and answers each one's outcome in order", async () => {
    const tickets = await Promise.all([createTicket(), createTicket(), createTicket()]);
    const answered = await results({ tickets: tickets.map(({ id }) => ({ id })), changes: { priority: "high" } });
    expect(answered.map(({ id, status }) => [id, status])).toEqual(tickets.map(({ id }) => [id, 200]));
    expect(answered.every((result) => result.ticket?.priority === "high")).toBe(true);
    for (const { id } of tickets) expect((await read(id)).priority).toBe("high");
  });

  it("judges each ticket on its own: a move the workflow refuses is 409, a stale version 412, an unknown ticket 404", async () => {
    const [fresh, closed, stale] = await Promise.all([createTicket(), createTicket({ status: "closed" }, true), createTicket()]);
    await api(`/api/support-tickets/${stale!.id}`, { method: "PATCH", json: { priority: "low" }, headers: auth }); // now version 2
    const answered = await results({
      tickets: [{ id: fresh!.id, version: 1 }, { id: closed!.id }, { id: stale!.id, version: 1 }, { id: 999_999_999 }],
      changes: { status: "in_progress" },
    });
    expect(answered.map(({ id, status }) => [id, status])).toEqual([
      [fresh!.id, 200],
      [closed!.id, 409],
      [stale!.id, 412],
      [999_999_999, 404],
    ]);
    expect(answered[1]!.problem?.detail).toMatch(/closed/i);
    expect((await read(fresh!.id)).status).toBe("in_progress");
    expect((await read(closed!.id)).status).toBe("closed");
    expect((await read(stale!.id)).status).toBe("open");
  });

  it.each([
    ["no tickets", { tickets: [], changes: { priority: "high" } }, "tickets"],
    ["more than 100 tickets", { tickets: Array.from({ length: 101 }, (_, index) => ({ id: index + 1 })), changes: { priority: "high" } }, "tickets"],
    ["a ticket named twice", { tickets: [{ id: 1 }, { id: 1 }], changes: { priority: "high" } }, "tickets"],
    ["no change", { tickets: [{ id: 1 }], changes: {} }, "changes"],
    ["an unknown change", { tickets: [{ id: 1 }], changes: { subject: "New" } }, "changes.subject"],
  ])("refuses %s with 422 and changes nothing", async (_label, body, path) => {
    const problem = await expectProblem(await bulk(body), 422);
    expect(problem.errors?.map((error) => error.path)).toContain(path);
  });

  it("is for staff and API tokens only", async () => {
    const ticket = await createTicket();
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    await expectProblem(await bulk({ tickets: [{ id: ticket.id }], changes: { priority: "urgent" } }, {}), 401);
    await expectProblem(await bulk({ tickets: [{ id: ticket.id }], changes: { priority: "urgent" } }, { "x-tracking-key": key }), 401);
    expect((await read(ticket.id)).priority).toBe("normal");
  });
});
