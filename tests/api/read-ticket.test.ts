import { describe, expect, it } from "vitest";
import { api, auth, createTicket, expectProblem } from "./client";

describe("GET /api/support-tickets/{id}", () => {
  it("returns one ticket in the seed's shape with an ETag", async () => {
    const created = await createTicket({ roleContext: "guide", category: "Account Problems" });
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
