import { beforeAll, describe, expect, it } from "vitest";
import { admin, api, auth, baseURL, createTicket, expectProblem, sessionHeaders, signIn } from "./client";

let adminCookie: string;
beforeAll(async () => {
  adminCookie = (await signIn(admin)).cookie;
});

describe("GET /api/support-tickets/{id}", () => {
  it("returns one ticket in the seed's shape with an ETag", async () => {
    const created = await createTicket({ roleContext: "guide", category: "Account Problems" }, true);
    const response = await api(`/api/support-tickets/${created.id}`, { headers: auth });
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe('"v1"');
    const ticket = await response.json();
    expect(ticket).toEqual({
      id: created.id,
      roleContext: "guide",
      fullName: created.fullName,
      email: created.email,
      subject: created.subject,
      category: "Account Problems",
      message: created.message,
      status: "open",
      priority: "normal",
      assignee: null,
      sla: { firstReplyDueAt: expect.any(String), resolutionDueAt: expect.any(String), breached: [] },
      createdAt: created.createdAt,
      updatedAt: created.updatedAt,
      attachments: [],
      locale: created.locale,
      lastMessageAt: created.createdAt,
      awaiting: "staff",
      closedReason: null,
      satisfaction: null,
    });
  });

  it("needs credentials", async () => {
    const { id } = await createTicket();
    const response = await api(`/api/support-tickets/${id}`);
    await expectProblem(response, 401);
  });

  it.each([
    ["a malformed Authorization header", "Token abc"],
    ["an unknown token", "Bearer kct_unknown"],
    ["an empty bearer", "Bearer "],
  ])("refuses %s with 401", async (_label, header) => {
    const { id } = await createTicket();
    const response = await api(`/api/support-tickets/${id}`, { headers: { authorization: header } });
    await expectProblem(response, 401);
  });

  it("lets the requester read their ticket with the private tracking key", async () => {
    const created = await createTicket();
    const key = new URL(created.trackingUrl!).searchParams.get("key")!;
    const byQuery = await api(`/api/support-tickets/${created.id}?key=${key}`);
    expect(byQuery.status).toBe(200);
    const byHeader = await api(`/api/support-tickets/${created.id}`, { headers: { "x-tracking-key": key } });
    expect((await byHeader.json()).id).toBe(created.id);
  });

  it("shows the requester their ticket without staff's triage (priority and owner), even once set", async () => {
    const created = await createTicket();
    expect(created).not.toHaveProperty("priority");
    expect(created).not.toHaveProperty("assignee");
    const me = (await (await api("/api/staff/me", { headers: sessionHeaders(adminCookie) })).json()) as { id: string };
    const patched = await api(`/api/support-tickets/${created.id}`, {
      method: "PATCH",
      json: { priority: "low", assigneeId: me.id },
      headers: sessionHeaders(adminCookie),
    });
    expect((await patched.json()).priority).toBe("low");
    const key = new URL(created.trackingUrl!).searchParams.get("key")!;
    const seen = await (await api(`/api/support-tickets/${created.id}`, { headers: { "x-tracking-key": key } })).json();
    expect(seen).not.toHaveProperty("priority");
    expect(seen).not.toHaveProperty("assignee");
    expect(seen.status).toBe("open");
    const page = await (await fetch(`${baseURL}/support/tickets/${created.id}?key=${key}`)).text();
    expect(page).not.toContain(me.id);
  });

  it("answers 404 to a tracking key of another ticket, as if the ticket did not exist", async () => {
    const first = await createTicket();
    const second = await createTicket();
    const key = new URL(first.trackingUrl!).searchParams.get("key")!;
    await expectProblem(await api(`/api/support-tickets/${second.id}?key=${key}`), 404);
    await expectProblem(await api(`/api/support-tickets/${first.id}?key=not-the-key`), 404);
  });

  it.each(["999999999", "0", "-1", "abc", "1.5", "99999999999999999999", "1e3"])(
    "answers 404 for the id %s",
    async (id) => {
      await expectProblem(await api(`/api/support-tickets/${id}`, { headers: auth }), 404);
    },
  );
});
