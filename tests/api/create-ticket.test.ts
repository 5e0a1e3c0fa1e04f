import { describe, expect, it } from "vitest";
import { SEED_TICKETS } from "@/lib/tickets/seed-examples";
import { api, auth, baseURL, createTicket, expectProblem, listByEmail, ticketBody, uniqueEmail } from "./client";

const SEED_KEYS = [
  "id",
  "roleContext",
  "fullName",
  "email",
  "subject",
  "category",
  "message",
  "status",
  "createdAt",
  "updatedAt",
  "attachments",
];

// The seed's "Create Support Ticket" example, as given.
const seedExample = SEED_TICKETS[2];

describe("POST /api/support-tickets", () => {
  it("accepts the seed's example body and answers 201 with the seed's shape, Location and ETag", async () => {
    const response = await api("/api/support-tickets", { method: "POST", json: seedExample });
    expect(response.status).toBe(201);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const ticket = await response.json();
    expect(response.headers.get("location")).toBe(`${baseURL}/api/support-tickets/${ticket.id}`);
    expect(response.headers.get("etag")).toBe('"v1"');
    // The seed's fields, none renamed or dropped; later stages add theirs beside them (SPEC, "Second stage").
    expect(Object.keys(ticket)).toEqual(expect.arrayContaining(SEED_KEYS));
    expect(ticket).toMatchObject({ ...seedExample, createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(ticket.attachments).toEqual([]);
    expect(Number.isInteger(ticket.id)).toBe(true);
    expect(ticket.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z$/);
    expect(ticket.trackingUrl).toMatch(new RegExp(`^${baseURL}/support/tickets/${ticket.id}\\?key=[\\w-]{43}$`));
  });

  it("does not let a public caller back-date a ticket", async () => {
    const before = Date.now();
    const ticket = await createTicket({ createdAt: "2020-01-01T00:00:00Z", updatedAt: "2020-01-01T00:00:00Z" });
    expect(new Date(ticket.createdAt).getTime()).toBeGreaterThanOrEqual(before - 5_000);
    expect(ticket.updatedAt).toBe(ticket.createdAt);
  });

  it("does not let a public caller open a ticket in another status", async () => {
    const email = uniqueEmail();
    const response = await api("/api/support-tickets", { method: "POST", json: ticketBody({ email, status: "resolved" }) });
    const problem = await expectProblem(response, 422);
    expect(problem.errors).toEqual([{ path: "status", message: expect.stringContaining("open") }]);
    expect(await listByEmail(email)).toEqual([]);
  });

  it("lets an API client import a ticket with its status and dates", async () => {
    const ticket = await createTicket(
      { status: "in_progress", createdAt: "2026-03-09T14:20:00Z", updatedAt: "2026-03-10T09:15:00Z" },
      true,
    );
    expect(ticket).toMatchObject({
      status: "in_progress",
      createdAt: "2026-03-09T14:20:00.000Z",
      updatedAt: "2026-03-10T09:15:00.000Z",
    });
  });

  it("defaults a ticket without status to open", async () => {
    const ticket = await createTicket();
    expect(ticket.status).toBe("open");
  });

  it("trims text fields", async () => {
    const ticket = await createTicket({ fullName: "  Maria Garcia ", subject: "\tPayment fails\n" });
    expect(ticket.fullName).toBe("Maria Garcia");
    expect(ticket.subject).toBe("Payment fails");
  });

  it.each([
    ["an unknown role context", { roleContext: "admin" }, "roleContext"],
    ["a missing full name", { fullName: undefined }, "fullName"],
    ["a blank subject", { subject: "   " }, "subject"],
    ["an invalid email", { email: "not-an-email" }, "email"],
    ["a subject over 200 characters", { subject: "x".repeat(201) }, "subject"],
    ["a message over 10,000 characters", { message: "x".repeat(10_001) }, "message"],
    ["a number as the message", { message: 42 }, "message"],
    ["an unknown field", { priority: "high" }, "priority"],
    ["an unknown status", { status: "pending" }, "status"],
    ["a malformed date", { createdAt: "yesterday" }, "createdAt"],
    ["files in a JSON body", { attachments: [{ fileName: "a.png" }] }, "attachments"],
  ])("rejects %s with 422 on that field and creates nothing", async (_label, overrides, path) => {
    const email = uniqueEmail();
    const response = await api("/api/support-tickets", { method: "POST", json: ticketBody({ email, ...overrides }) });
    const problem = await expectProblem(response, 422);
    expect(problem.errors?.map((error) => error.path)).toContain(path);
    expect(await listByEmail(email)).toEqual([]);
  });

  it.each([
    ["U+0000 in the name", "fullName", "Ana\u0000Martinez", "Full name cannot contain tabs or other control characters", "control_characters"],
    ["U+0000 in the subject", "subject", "Refund\u0000", "Subject cannot contain tabs or other control characters", "control_characters"],
    ["U+0000 in the message", "message", "Hello\u0000there", "Message cannot contain control characters other than line breaks and tabs", "control_characters_multiline"],
    ["a line break and a header in the subject", "subject", "Refund\r\nBcc: victim@example.com", "Subject must be one line", "one_line"],
    ["a line break in the name", "fullName", "Ana\nMartinez", "Full name must be one line", "one_line"],
    ["a lone surrogate in the message", "message", "Broken \ud83d emoji", "Message contains a broken character (an unpaired UTF-16 surrogate)", "broken_character"],
  ])("refuses %s with 422 naming the field and why, and creates nothing", async (_label, field, value, message, code) => {
    const email = uniqueEmail();
    // JSON.stringify writes a lone surrogate as "\ud83d", which the server's JSON.parse turns back into one.
    const response = await api("/api/support-tickets", { method: "POST", json: ticketBody({ email, [field]: value }) });
    const problem = await expectProblem(response, 422);
    expect(problem.errors).toEqual([{ path: field, message, code }]);
    expect(await listByEmail(email)).toEqual([]);
  });

  it("refuses U+0000 in a multipart text part with 422 naming the field", async () => {
    const email = uniqueEmail();
    const form = new FormData();
    for (const [name, value] of Object.entries(ticketBody({ email, subject: "Refund\u0000" }))) form.append(name, value);
    const problem = await expectProblem(await api("/api/support-tickets", { method: "POST", body: form }), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual(["subject"]);
    expect(await listByEmail(email)).toEqual([]);
  });

  it("keeps line breaks and tabs inside a message", async () => {
    const ticket = await createTicket({ message: "Line one\r\nLine two\n\tindented" });
    expect(ticket.message).toBe("Line one\r\nLine two\n\tindented");
  });

  it("rejects an unknown category with 422 naming the allowed values", async () => {
    const response = await api("/api/support-tickets", { method: "POST", json: ticketBody({ category: "Lost luggage" }) });
    const problem = await expectProblem(response, 422);
    expect(problem.errors).toEqual([
      {
        path: "category",
        message: expect.stringContaining("Booking Issues, Account Problems, General Inquiry, Technical Issue, Billing"),
        code: "unknown_category",
      },
    ]);
  });

  it("answers malformed JSON with 400", async () => {
    const response = await api("/api/support-tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"roleContext": "tourist",',
    });
    await expectProblem(response, 400);
  });

  it("answers a body that is not UTF-8 with 400", async () => {
    const response = await api("/api/support-tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    });
    await expectProblem(response, 400);
  });

  it("answers a non-JSON content type with 415", async () => {
    const response = await api("/api/support-tickets", {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify(ticketBody()),
    });
    await expectProblem(response, 415);
  });

  it("answers a body over the size limit with 413", async () => {
    const email = uniqueEmail();
    const response = await api("/api/support-tickets", {
      method: "POST",
      json: ticketBody({ email, message: "x".repeat(200_000) }),
    });
    await expectProblem(response, 413);
    expect(await listByEmail(email)).toEqual([]);
  });

  it("answers a bad API token with 401 even though filing is public", async () => {
    const response = await api("/api/support-tickets", {
      method: "POST",
      json: ticketBody(),
      headers: { authorization: "Bearer kct_not-a-real-token" },
    });
    await expectProblem(response, 401);
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("records the ticket so an API client can read it back", async () => {
    const created = await createTicket({ roleContext: "guide" });
    const response = await api(`/api/support-tickets/${created.id}`, { headers: auth });
    expect(response.status).toBe(200);
    const { trackingUrl: _trackingUrl, ...seedShape } = created;
    expect(await response.json()).toEqual({
      ...seedShape,
      priority: "normal",
      assignee: null,
      sla: { firstReplyDueAt: expect.any(String), resolutionDueAt: expect.any(String), breached: [] },
    });
  });
});
