import { describe, expect, test } from "vitest";
import { admin, api, auth, createTicket, expectProblem, sessionHeaders, signIn } from "./client";

const keyOf = (trackingUrl: string) => new URL(trackingUrl).searchParams.get("key")!;

describe("what a requester sees of the history", () => {
  test("the tracking key shows who acted only as requester, staff or system, never a staff email or token name", async () => {
    const ticket = await createTicket();
    const { cookie } = await signIn(admin);
    const move = (status: string, headers: Record<string, string>) =>
      api(`/api/support-tickets/${ticket.id}`, { method: "PATCH", headers, json: { status } });
    expect((await move("in_progress", sessionHeaders(cookie))).status).toBe(200);
    expect((await move("resolved", auth)).status).toBe(200);

    const asRequester = await api(`/api/support-tickets/${ticket.id}/events`, { headers: { "x-tracking-key": keyOf(ticket.trackingUrl!) } });
    expect(asRequester.status).toBe(200);
    const requesterView = (await asRequester.json()) as Array<{ type: string; toValue: string; actor: string }>;
    const workflow = requesterView.filter((event) => !event.type.startsWith("notification_"));
    expect(workflow.map((event) => [event.toValue, event.actor])).toEqual([
      ["open", "requester"],
      ["in_progress", "staff"],
      ["resolved", "system"],
    ]);
    expect(JSON.stringify(requesterView)).not.toContain(admin.email);

    const asToken = (await (await api(`/api/support-tickets/${ticket.id}/events`, { headers: auth })).json()) as Array<{ actor: string }>;
    expect(asToken.map((event) => event.actor)).toContain(`staff:${admin.email}`);
  });

  test("the history of an unknown ticket is a 404", async () => {
    await expectProblem(await api("/api/support-tickets/2000000000/events", { headers: auth }), 404);
  });
});

describe("access declared per route", () => {
  test("an API token may read the outbox but not the admin API", async () => {
    expect((await api("/api/outbox-messages?limit=1", { headers: auth })).status).toBe(200);
    const problem = await expectProblem(await api("/api/admin/staff-accounts", { headers: auth }), 403);
    expect(problem.detail).toMatch(/sign in as an admin/i);
  });

  test("without credentials, a staff route says how to authenticate", async () => {
    const problem = await expectProblem(await api("/api/support-tickets/counts"), 401);
    expect(problem.detail).toBe('Sign in as staff, or send an API token ("Authorization: Bearer <token>") to use this endpoint');
  });

  test("a tracking key opens only its own ticket's routes, and not the staff-only ones", async () => {
    const ticket = await createTicket();
    const key = { "x-tracking-key": keyOf(ticket.trackingUrl!) };
    expect((await api(`/api/support-tickets/${ticket.id}`, { headers: key })).status).toBe(200);
    // Moving a ticket is for staff and tokens: the key is not a credential there.
    await expectProblem(
      await api(`/api/support-tickets/${ticket.id}`, { method: "PATCH", headers: key, json: { status: "closed" } }),
      401,
    );
    await expectProblem(await api("/api/support-tickets/counts", { headers: key }), 401);
  });
});
