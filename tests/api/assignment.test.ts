import { beforeAll, describe, expect, it } from "vitest";
import { admin, api, auth, createAgent, createTicket, expectProblem, sessionHeaders, signIn, uniqueEmail } from "./client";

// An agent of its own, so "mine" here is only what this file assigns.
let agent: { id: string; name: string; cookie: string };
let adminCookie: string;

beforeAll(async () => {
  adminCookie = (await signIn(admin)).cookie;
  const { id, name, email, password } = await createAgent(adminCookie, "owner");
  agent = { id, name, cookie: (await signIn({ email, password })).cookie };
});

const patch = (id: number, json: unknown, headers: Record<string, string> = auth) =>
  api(`/api/support-tickets/${id}`, { method: "PATCH", json, headers });
const read = async (id: number) => (await (await api(`/api/support-tickets/${id}`, { headers: auth })).json()) as { assignee: unknown };
const history = async (id: number, headers: Record<string, string>) =>
  (await (await api(`/api/support-tickets/${id}/events`, { headers })).json()) as Array<{ type: string; fromValue: string | null; toValue: string | null }>;

describe("a ticket's assignee", () => {
  it("is nobody on a new ticket", async () => {
    expect((await read((await createTicket()).id)).assignee).toBeNull();
  });

  it("is set by id and cleared with null, each change in staff's history but not the requester's", async () => {
    const ticket = await createTicket();
    const assigned = await patch(ticket.id, { assigneeId: agent.id }, { ...auth, "if-match": '"v1"' });
    expect(assigned.status).toBe(200);
    expect((await assigned.json()).assignee).toEqual({ id: agent.id, name: agent.name });
    const cleared = await patch(ticket.id, { assigneeId: null });
    expect((await cleared.json()).assignee).toBeNull();

    expect((await history(ticket.id, auth)).filter((event) => event.type === "assignee_changed")).toEqual([
      expect.objectContaining({ fromValue: null, toValue: agent.name }),
      expect.objectContaining({ fromValue: agent.name, toValue: null }),
    ]);
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    expect((await history(ticket.id, { "x-tracking-key": key })).map((event) => event.type)).not.toContain("assignee_changed");
  });

  it("refuses an id no active staff account has with 422 and changes nothing", async () => {
    const { id } = await createTicket();
    const problem = await expectProblem(await patch(id, { assigneeId: "no-such-agent" }), 422);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "assigneeId" })]);
    expect((await read(id)).assignee).toBeNull();
  });

  it("a stale If-Match gets 412 and keeps the owner", async () => {
    const { id } = await createTicket();
    expect((await patch(id, { assigneeId: agent.id }, { ...auth, "if-match": '"v1"' })).status).toBe(200);
    await expectProblem(await patch(id, { assigneeId: null }, { ...auth, "if-match": '"v1"' }), 412);
    expect((await read(id)).assignee).toEqual({ id: agent.id, name: agent.name });
  });

  it("filters the list: me (a staff session), none, or an agent's id", async () => {
    const email = uniqueEmail("assignment");
    const [mine, unassigned] = await Promise.all([createTicket({ email }), createTicket({ email })]);
    expect((await patch(mine!.id, { assigneeId: agent.id }, sessionHeaders(agent.cookie))).status).toBe(200);
    const ids = async (assignee: string, headers: Record<string, string>) =>
      ((await (await api(`/api/support-tickets?email=${encodeURIComponent(email)}&assignee=${assignee}`, { headers })).json()) as Array<{ id: number }>).map(
        (ticket) => ticket.id,
      );
    expect(await ids("me", sessionHeaders(agent.cookie))).toEqual([mine!.id]);
    expect(await ids("none", auth)).toEqual([unassigned!.id]);
    expect(await ids(agent.id, auth)).toEqual([mine!.id]);
    expect(await ids("me", sessionHeaders(adminCookie))).toEqual([]);
  });

  it("goes back to nobody on the tickets still in play when the owner's account is disabled", async () => {
    const leaving = await createAgent(adminCookie, "leaving");
    const [inPlay, closed] = await Promise.all([createTicket(), createTicket({ status: "closed" }, true)]);
    for (const { id } of [inPlay, closed]) expect((await patch(id, { assigneeId: leaving.id })).status).toBe(200);

    const disabled = await api(`/api/admin/staff-accounts/${leaving.id}/disable`, { method: "POST", headers: sessionHeaders(adminCookie) });
    expect(disabled.status).toBe(204);
    expect((await read(inPlay.id)).assignee).toBeNull();
    expect((await read(closed.id)).assignee).toEqual({ id: leaving.id, name: leaving.name });
    // The email worker writes its own history rows meanwhile: only the ticket's changes are compared.
    const changes = (await history(inPlay.id, auth)).filter((event) => !event.type.startsWith("notification_"));
    expect(changes.at(-1)).toMatchObject({ type: "assignee_changed", fromValue: leaving.name, toValue: null });
  });

  it("an API token has no 'me': 422", async () => {
    const problem = await expectProblem(await api("/api/support-tickets?assignee=me", { headers: auth }), 422);
    expect(problem.errors).toEqual([expect.objectContaining({ path: "assignee" })]);
  });
});
