import { describe, expect, it } from "vitest";
import { api, auth, createTicket, expectProblem, uniqueEmail } from "./client";

const patch = (id: number, json: unknown, headers: Record<string, string> = {}) =>
  api(`/api/support-tickets/${id}`, { method: "PATCH", json, headers: { ...auth, ...headers } });

const history = async (id: number, headers: Record<string, string>) =>
  (await (await api(`/api/support-tickets/${id}/events`, { headers })).json()) as Array<{ type: string; fromValue: string; toValue: string }>;

describe("a ticket's priority", () => {
  it("is normal for a new ticket, filed by anyone", async () => {
    expect((await createTicket({}, true)).priority).toBe("normal");
    const { id } = await createTicket();
    expect((await (await api(`/api/support-tickets/${id}`, { headers: auth })).json()).priority).toBe("normal");
  });

  it("changes with PATCH, bumps the version and is recorded in staff's history but not the requester's", async () => {
    const ticket = await createTicket();
    const response = await patch(ticket.id, { priority: "urgent" }, { "if-match": '"v1"' });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"v2"');
    const changed = await response.json();
    expect(changed).toMatchObject({ priority: "urgent", status: "open" });

    expect((await history(ticket.id, auth)).filter((event) => event.type === "priority_changed")).toEqual([
      expect.objectContaining({ fromValue: "normal", toValue: "urgent" }),
    ]);
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    expect((await history(ticket.id, { "x-tracking-key": key })).map((event) => event.type)).not.toContain("priority_changed");
  });

  it("setting the priority it already has changes nothing", async () => {
    const { id } = await createTicket();
    const response = await patch(id, { priority: "normal" });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"v1"');
  });

  it("a stale If-Match gets 412 and leaves the priority as it was", async () => {
    const { id } = await createTicket();
    expect((await patch(id, { priority: "high" }, { "if-match": '"v1"' })).status).toBe(200);
    await expectProblem(await patch(id, { priority: "low" }, { "if-match": '"v1"' }), 412);
    expect((await (await api(`/api/support-tickets/${id}`, { headers: auth })).json()).priority).toBe("high");
  });

  it("an unknown priority is a 422 naming the allowed ones, and changes nothing", async () => {
    const { id } = await createTicket();
    const problem = await expectProblem(await patch(id, { priority: "critical" }), 422);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "priority", message: "Priority must be one of: low, normal, high, urgent" })]);
    expect((await (await api(`/api/support-tickets/${id}`, { headers: auth })).json()).priority).toBe("normal");
  });

  it("a requester cannot set it", async () => {
    const ticket = await createTicket();
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    const response = await api(`/api/support-tickets/${ticket.id}`, { method: "PATCH", json: { priority: "urgent" }, headers: { "x-tracking-key": key } });
    expect([401, 403]).toContain(response.status);
    expect((await (await api(`/api/support-tickets/${ticket.id}`, { headers: auth })).json()).priority).toBe("normal");
  });

  it("filters the list, one priority or several", async () => {
    const email = uniqueEmail("priority");
    const [low, high, urgent] = await Promise.all([createTicket({ email }), createTicket({ email }), createTicket({ email })]);
    await patch(low!.id, { priority: "low" });
    await patch(high!.id, { priority: "high" });
    await patch(urgent!.id, { priority: "urgent" });
    const ids = async (query: string) =>
      ((await (await api(`/api/support-tickets?email=${encodeURIComponent(email)}&${query}`, { headers: auth })).json()) as Array<{ id: number }>)
        .map((ticket) => ticket.id)
        .sort((a, b) => a - b);
    expect(await ids("priority=urgent")).toEqual([urgent!.id]);
    expect(await ids("priority=high&priority=urgent")).toEqual([high!.id, urgent!.id].sort((a, b) => a - b));
    await expectProblem(await api(`/api/support-tickets?priority=soon`, { headers: auth }), 422);
  });
});
