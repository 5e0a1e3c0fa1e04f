import { describe, expect, it } from "vitest";
import { ALLOWED_MOVES, TICKET_STATUSES } from "@/lib/tickets/workflow";
import { api, auth, createTicket, expectProblem, listByEmail, uniqueEmail } from "./client";

const patch = (id: number, json: unknown, headers: Record<string, string> = {}) =>
  api(`/api/support-tickets/${id}`, { method: "PATCH", json, headers: { ...auth, ...headers } });

// The contract's table, written out again so a change to workflow.ts cannot silently change the API.
const CONTRACT: Record<string, string[]> = {
  open: ["in_progress", "resolved", "closed"],
  in_progress: ["open", "resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

describe("PATCH /api/support-tickets/{id}: the workflow", () => {
  it("workflow.ts encodes the contract's table", () => {
    expect(ALLOWED_MOVES).toEqual(CONTRACT);
  });

  const pairs = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)("%s → %s follows the contract", async (from, to) => {
    const ticket = await createTicket({ status: from }, true);
    const response = await patch(ticket.id, { status: to });
    if (CONTRACT[from]!.includes(to)) {
      expect(response.status).toBe(200);
      const moved = await response.json();
      expect(moved.status).toBe(to);
      expect(new Date(moved.updatedAt).getTime()).toBeGreaterThan(new Date(ticket.updatedAt).getTime() - 1);
      expect(response.headers.get("etag")).toBe('"v2"');
    } else {
      const problem = await expectProblem(response, 409);
      expect(problem.detail).toContain(`Ticket ${ticket.id}`);
      const unchanged = await (await api(`/api/support-tickets/${ticket.id}`, { headers: auth })).json();
      expect(unchanged.status).toBe(from);
    }
  });

  it("walks a ticket through open → in progress → resolved → closed", async () => {
    const { id } = await createTicket();
    for (const status of ["in_progress", "resolved", "closed"]) {
      const response = await patch(id, { status });
      expect(response.status).toBe(200);
      expect((await response.json()).status).toBe(status);
    }
  });
});

describe("PATCH /api/support-tickets/{id}: lost updates and fields", () => {
  it("applies a move whose If-Match names the current version", async () => {
    const { id } = await createTicket();
    const current = await api(`/api/support-tickets/${id}`, { headers: auth });
    const response = await patch(id, { status: "in_progress" }, { "if-match": current.headers.get("etag")! });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"v2"');
  });

  it("refuses a move based on a stale version with 412 and changes nothing", async () => {
    const { id } = await createTicket();
    const first = await patch(id, { status: "in_progress" }, { "if-match": '"v1"' });
    expect(first.status).toBe(200);
    // A second agent still looking at version 1 tries to resolve it.
    await expectProblem(await patch(id, { status: "resolved" }, { "if-match": '"v1"' }), 412);
    const current = await (await api(`/api/support-tickets/${id}`, { headers: auth })).json();
    expect(current.status).toBe("in_progress");
  });

  it("refuses an If-Match that is not one of its ETags with 412", async () => {
    const { id } = await createTicket();
    await expectProblem(await patch(id, { status: "closed" }, { "if-match": "yesterday" }), 412);
  });

  it("applies one of two simultaneous conflicting moves and refuses the other", async () => {
    const { id } = await createTicket({ status: "resolved" }, true);
    const [a, b] = await Promise.all([patch(id, { status: "closed" }), patch(id, { status: "in_progress" })]);
    const statuses = [a.status, b.status].sort();
    // closed first → in_progress is refused (409); in_progress first → closed is still allowed (200).
    expect([[200, 409], [200, 200]]).toContainEqual(statuses);
  });

  it("recategorises a ticket", async () => {
    const { id } = await createTicket({ category: "General Inquiry" });
    const response = await patch(id, { category: "Billing" });
    expect(response.status).toBe(200);
    expect((await response.json()).category).toBe("Billing");
  });

  it.each([
    ["an empty body", {}, ""],
    ["an unknown status", { status: "done" }, "status"],
    ["an unknown category", { category: "Lost luggage" }, "category"],
    ["a field staff cannot edit", { subject: "New subject" }, "subject"],
  ])("refuses %s with 422", async (_label, body, path) => {
    const { id } = await createTicket();
    const problem = await expectProblem(await patch(id, body), 422);
    expect(problem.errors?.map((error) => error.path)).toContain(path);
  });

  it("needs an API token", async () => {
    const { id } = await createTicket();
    await expectProblem(await api(`/api/support-tickets/${id}`, { method: "PATCH", json: { status: "closed" } }), 401);
  });

  it("refuses the requester's tracking key: only staff and API clients move tickets", async () => {
    const ticket = await createTicket();
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    const response = await api(`/api/support-tickets/${ticket.id}`, {
      method: "PATCH",
      json: { status: "closed" },
      headers: { "x-tracking-key": key },
    });
    await expectProblem(response, 401);
  });

  it("answers 404 for an unknown ticket", async () => {
    await expectProblem(await patch(2_000_000_000, { status: "closed" }), 404);
  });

  it("answers malformed JSON with 400 and a wrong content type with 415", async () => {
    const { id } = await createTicket();
    await expectProblem(
      await api(`/api/support-tickets/${id}`, {
        method: "PATCH",
        headers: { ...auth, "content-type": "application/json" },
        body: "{status:",
      }),
      400,
    );
    await expectProblem(
      await api(`/api/support-tickets/${id}`, {
        method: "PATCH",
        headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
        body: "status=closed",
      }),
      415,
    );
  });

  it("keeps tickets of one requester apart", async () => {
    const email = uniqueEmail();
    const { id } = await createTicket({ email });
    await patch(id, { status: "closed" });
    const tickets = await listByEmail(email);
    expect(tickets.map((ticket) => ticket.status)).toEqual(["closed"]);
  });
});
