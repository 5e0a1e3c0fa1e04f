import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Message } from "@/lib/tickets/message-schemas";
import type { TicketEvent } from "@/lib/tickets/schemas";
import { SmtpSink } from "../support/smtp-sink";
import { freePort, runNpmCommand, startTestServer, type TestServer } from "../support/test-server";
import { eventually } from "../support/eventually";
import {
  admin,
  api,
  auth,
  createTicket,
  expectProblem,
  sessionHeaders,
  signIn,
  ticketBody,
  type TicketJson,
  uniqueEmail,
} from "./client";

const TINY_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f80f00000101000518d84e0000000049454e44ae426082",
  "hex",
);
const png = () => Buffer.concat([TINY_PNG, randomBytes(512)]);

const keyOf = (ticket: TicketJson) => ({ "x-tracking-key": new URL(ticket.trackingUrl!).searchParams.get("key")! });

const messagesOf = async (ticket: TicketJson, headers: Record<string, string> = auth): Promise<Message[]> => {
  const response = await api(`/api/support-tickets/${ticket.id}/messages`, { headers });
  expect(response.status).toBe(200);
  return (await response.json()) as Message[];
};

const post = (ticket: TicketJson, json: unknown, headers: Record<string, string> = auth) =>
  api(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", json, headers });

const read = async (ticket: TicketJson): Promise<TicketJson> =>
  (await (await api(`/api/support-tickets/${ticket.id}`, { headers: auth })).json()) as TicketJson;

const move = (ticket: TicketJson, status: string) =>
  api(`/api/support-tickets/${ticket.id}`, { method: "PATCH", json: { status }, headers: auth });

const eventsOf = async (ticket: TicketJson, headers: Record<string, string> = auth): Promise<TicketEvent[]> =>
  (await (await api(`/api/support-tickets/${ticket.id}/events`, { headers })).json()) as TicketEvent[];


describe("the conversation", () => {
  let staff: Record<string, string>;
  beforeAll(async () => {
    const { cookie } = await signIn(admin);
    staff = sessionHeaders(cookie);
  });

  it("starts with the requester's own message, and shows a staff reply to the requester under the agent's name only", async () => {
    const ticket = await createTicket();
    const [first] = await messagesOf(ticket);
    expect(first).toMatchObject({
      ticketId: ticket.id,
      kind: "reply",
      author: { type: "requester", name: ticket.fullName },
      body: ticket.message,
      channel: "web",
      attachments: [],
    });
    expect(ticket).toMatchObject({ awaiting: "staff", closedReason: null, satisfaction: null, lastMessageAt: ticket.createdAt });

    const response = await post(ticket, { body: "Hola Ana,\nwe are looking into it." }, staff);
    expect(response.status).toBe(201);
    expect(response.headers.get("etag")).toBe('"v2"');
    const reply = (await response.json()) as Message;
    expect(reply).toMatchObject({ kind: "reply", author: { type: "staff", name: "api-admin" }, body: "Hola Ana,\nwe are looking into it.", channel: "web" });

    const seen = await (await api(`/api/support-tickets/${ticket.id}/messages`, { headers: keyOf(ticket) })).text();
    expect(JSON.parse(seen)).toHaveLength(2);
    expect(seen).not.toContain(admin.email);
    const after = await read(ticket);
    expect(after).toMatchObject({ awaiting: "requester", lastMessageAt: reply.createdAt, status: "open" });
  });

  it("keeps internal notes, their files and their history from the requester", async () => {
    const ticket = await createTicket();
    const form = new FormData();
    form.append("body", "Payments says the card was declined.");
    form.append("kind", "note");
    form.append("attachments", new Blob([new Uint8Array(png())]), "internal.png");
    const response = await api(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", body: form, headers: auth });
    expect(response.status).toBe(201);
    const note = (await response.json()) as Message;
    expect(note).toMatchObject({ kind: "note", author: { type: "staff", name: "api test suite" }, channel: "api" });
    expect(note.attachments).toHaveLength(1);

    expect((await messagesOf(ticket)).map((message) => message.kind)).toEqual(["reply", "note"]);
    expect((await messagesOf(ticket, keyOf(ticket))).map((message) => message.kind)).toEqual(["reply"]);
    const asRequester = await (await api(`/api/support-tickets/${ticket.id}`, { headers: keyOf(ticket) })).json();
    expect(asRequester.attachments).toEqual([]);
    expect(asRequester.awaiting).toBe("staff");
    expect(asRequester.lastMessageAt).toBe(ticket.lastMessageAt);
    expect((await fetch(note.attachments[0]!.fileUrl, { headers: keyOf(ticket) })).status).toBe(404);
    expect((await fetch(note.attachments[0]!.fileUrl, { headers: auth })).status).toBe(200);
    expect((await eventsOf(ticket, keyOf(ticket))).filter((event) => !event.type.startsWith("notification_")).map((event) => event.type)).toEqual(["created"]);
    expect((await eventsOf(ticket)).filter((event) => !event.type.startsWith("notification_")).map((event) => [event.type, event.toValue])).toEqual([
      ["created", "open"],
      ["message_added", "note"],
    ]);
  });

  it("takes a requester's reply with files through the private link, and hands the turn to staff", async () => {
    const ticket = await createTicket();
    await post(ticket, { body: "Could you send a screenshot?" });
    const form = new FormData();
    form.append("body", "Here it is.");
    form.append("attachments", new Blob([new Uint8Array(png())]), "screen.png");
    const response = await api(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", body: form, headers: keyOf(ticket) });
    expect(response.status).toBe(201);
    const reply = (await response.json()) as Message;
    expect(reply).toMatchObject({ kind: "reply", author: { type: "requester", name: ticket.fullName }, channel: "web" });
    expect((await fetch(reply.attachments[0]!.fileUrl, { headers: keyOf(ticket) })).status).toBe(200);
    expect(await read(ticket)).toMatchObject({ awaiting: "staff", lastMessageAt: reply.createdAt });
  });

  it("sends and resolves in one step, and refuses a stale If-Match without storing the message", async () => {
    const ticket = await createTicket();
    const stale = await post(ticket, { body: "Fixed.", status: "resolved" }, { ...auth, "if-match": '"v9"' });
    await expectProblem(stale, 412);
    const response = await post(ticket, { body: "Fixed.", status: "resolved" }, { ...auth, "if-match": '"v1"' });
    expect(response.status).toBe(201);
    expect(await read(ticket)).toMatchObject({ status: "resolved", awaiting: "requester", closedReason: null });
    expect(await messagesOf(ticket)).toHaveLength(2);
    const workflow = (await eventsOf(ticket)).filter((event) => !event.type.startsWith("notification_"));
    expect(workflow.slice(1).map((event) => [event.type, event.fromValue, event.toValue])).toEqual([
      ["message_added", null, "reply"],
      ["status_changed", "open", "resolved"],
    ]);
    await expectProblem(await post(ticket, { body: "Again.", status: "open" }), 409);
    expect(await messagesOf(ticket)).toHaveLength(2);
  });

  it("reopens a resolved ticket when the requester replies, and refuses a reply to a closed one, storing nothing", async () => {
    const ticket = await createTicket();
    expect((await move(ticket, "resolved")).status).toBe(200);
    expect((await post(ticket, { body: "It broke again." }, keyOf(ticket))).status).toBe(201);
    expect(await read(ticket)).toMatchObject({ status: "in_progress", awaiting: "staff" });

    expect((await move(ticket, "closed")).status).toBe(200);
    expect(await read(ticket)).toMatchObject({ status: "closed", closedReason: "staff", awaiting: null });
    const form = new FormData();
    form.append("body", "Hello?");
    form.append("attachments", new Blob([new Uint8Array(png())]), "late.png");
    await expectProblem(await api(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", body: form, headers: keyOf(ticket) }), 409);
    await expectProblem(await post(ticket, { body: "Staff too" }), 409);
    const messages = await messagesOf(ticket);
    expect(messages).toHaveLength(2);
    expect((await read(ticket)).attachments).toEqual([]);
  });

  it.each([
    ["an empty body", { body: "   " }, 422],
    ["an oversized body", { body: "x".repeat(10_001) }, 422],
    ["an unknown kind", { body: "Hi", kind: "memo" }, 422],
    ["an unknown field", { body: "Hi", priority: "high" }, 422],
  ])("refuses %s with a problem naming the field", async (_label, json, status) => {
    const ticket = await createTicket();
    const problem = await expectProblem(await post(ticket, json), status);
    expect(problem.errors?.length).toBeGreaterThan(0);
    expect(await messagesOf(ticket)).toHaveLength(1);
  });

  it("refuses a note or a move from the requester (403), a wrong key (404) and no credentials (401)", async () => {
    const ticket = await createTicket();
    await expectProblem(await post(ticket, { body: "psst", kind: "note" }, keyOf(ticket)), 403);
    await expectProblem(await post(ticket, { body: "close it", status: "closed" }, keyOf(ticket)), 403);
    await expectProblem(await post(ticket, { body: "hi" }, { "x-tracking-key": "wrong" }), 404);
    await expectProblem(await post(ticket, { body: "hi" }, {}), 401);
    await expectProblem(await api(`/api/support-tickets/${ticket.id}/messages`), 401);
    await expectProblem(await api("/api/support-tickets/999999999/messages", { headers: auth }), 404);
    expect(await messagesOf(ticket)).toHaveLength(1);
  });

  it("stores one message for one Idempotency-Key, and replays the first answer", async () => {
    const ticket = await createTicket();
    const headers = { ...auth, "idempotency-key": `reply-${Date.now()}-${Math.random()}` };
    const first = await post(ticket, { body: "Only once, please." }, headers);
    const again = await post(ticket, { body: "Only once, please." }, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.json()).toEqual(await first.json());
    expect(await messagesOf(ticket)).toHaveLength(2);
    await expectProblem(await post(ticket, { body: "Something else" }, headers), 422);
  });

  it("applies a requester's reply and an agent's send-and-resolve arriving together one after the other, keeping both", async () => {
    for (let round = 0; round < 5; round++) {
      const ticket = await createTicket();
      expect((await move(ticket, "in_progress")).status).toBe(200);
      const [fromRequester, fromAgent] = await Promise.all([
        post(ticket, { body: `Still broken (${round})` }, keyOf(ticket)),
        post(ticket, { body: `Fixed (${round})`, status: "resolved" }),
      ]);
      expect([fromRequester.status, fromAgent.status]).toEqual([201, 201]);
      const bodies = (await messagesOf(ticket)).map((message) => message.body);
      expect(bodies).toEqual(expect.arrayContaining([`Still broken (${round})`, `Fixed (${round})`]));
      const moves = (await eventsOf(ticket)).filter((event) => event.type === "status_changed");
      // Every recorded move starts where the one before ended, and the last one is where the ticket is.
      let status = "open";
      for (const event of moves) {
        expect(event.fromValue).toBe(status);
        status = event.toValue!;
      }
      const now = await read(ticket);
      expect(now.status).toBe(status);
      expect(["in_progress", "resolved"]).toContain(now.status);
    }
  });
});

describe("resolution confirmation and satisfaction", () => {
  const answer = (ticket: TicketJson, json: unknown, headers: Record<string, string> = keyOf(ticket)) =>
    api(`/api/support-tickets/${ticket.id}/resolution`, { method: "POST", json, headers });
  const rate = (ticket: TicketJson, json: unknown, headers: Record<string, string> = keyOf(ticket)) =>
    api(`/api/support-tickets/${ticket.id}/satisfaction`, { method: "POST", json, headers });

  it("closes a resolved ticket the requester confirms, then takes one rating", async () => {
    const ticket = await createTicket();
    await expectProblem(await answer(ticket, { accepted: true }), 409);
    expect((await move(ticket, "resolved")).status).toBe(200);
    await expectProblem(await rate(ticket, { rating: 5 }), 409);
    const closed = await answer(ticket, { accepted: true });
    expect(closed.status).toBe(200);
    expect(await closed.json()).toMatchObject({ status: "closed", closedReason: "confirmed", awaiting: null });
    await expectProblem(await answer(ticket, { accepted: true }), 409);

    for (const rating of [0, 6, 4.5]) await expectProblem(await rate(ticket, { rating }), 422);
    const rated = await rate(ticket, { rating: 4, comment: "Quick, thanks!" });
    expect(rated.status).toBe(200);
    const body = (await rated.json()) as TicketJson;
    expect(body.satisfaction).toMatchObject({ rating: 4, comment: "Quick, thanks!" });
    await expectProblem(await rate(ticket, { rating: 5 }), 409);
    expect((await read(ticket)).satisfaction).toMatchObject({ rating: 4 });
    const workflow = (await eventsOf(ticket)).filter((event) => !event.type.startsWith("notification_"));
    expect(workflow.map((event) => event.type).slice(-3)).toEqual([
      "resolution_confirmed",
      "status_changed",
      "satisfaction_rated",
    ]);
  });

  it("reopens a resolved ticket the requester says is not fixed, with their words as a reply", async () => {
    const ticket = await createTicket();
    expect((await move(ticket, "resolved")).status).toBe(200);
    await expectProblem(await answer(ticket, { accepted: false }), 422);
    await expectProblem(await answer(ticket, { accepted: false, body: "  " }), 422);
    const response = await answer(ticket, { accepted: false, body: "I still cannot see my booking." });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: "in_progress", awaiting: "staff", closedReason: null });
    expect((await messagesOf(ticket)).at(-1)).toMatchObject({ kind: "reply", author: { type: "requester" }, body: "I still cannot see my booking." });
  });

  it("is for the requester only", async () => {
    const ticket = await createTicket();
    expect((await move(ticket, "resolved")).status).toBe(200);
    await expectProblem(await answer(ticket, { accepted: true }, auth), 403);
    await expectProblem(await answer(ticket, { accepted: true }, { "x-tracking-key": "nope" }), 404);
    await expectProblem(await rate(ticket, { rating: 3 }, {}), 401);
  });
});

// On PostgreSQL a second instance shares the database, so the auto-close job runs twice over the same tickets.
describe("emails and auto-close (a server of its own: SMTP sink, AUTO_CLOSE_AFTER=4s)", () => {
  let sink: SmtpSink;
  let server: TestServer;
  let second: TestServer | undefined;
  let token = "";
  const call = (url: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${server.baseURL}${url}`, {
      ...init,
      headers: { ...(init.json !== undefined && { "content-type": "application/json" }), authorization: `Bearer ${token}`, ...init.headers },
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  const file = async (overrides: Record<string, unknown> = {}): Promise<TicketJson> => {
    const response = await call("/api/support-tickets", { method: "POST", json: ticketBody({ locale: "en", ...overrides }), headers: { authorization: "" } });
    expect(response.status).toBe(201);
    return (await response.json()) as TicketJson;
  };
  const mailsOf = (email: string) => sink.to(email).map((mail) => mail.parsed);

  beforeAll(async () => {
    sink = new SmtpSink(await freePort());
    await sink.start();
    const extraEnv = {
      SMTP_URL: sink.url,
      OUTBOX_POLL_MS: "100",
      AUTO_CLOSE_AFTER: "4s",
      AUTO_CLOSE_POLL_MS: "100",
      MAIL_REPLY_TO: "support+{token}@example.com",
    };
    server = await startTestServer({
      extraEnv,
      beforeStart: async (env) => {
        token = (await runNpmCommand(env, "token:create", "conversation emails")).trim().split("\n").at(-1)!;
      },
    });
    // Behind one load balancer, so with one APP_URL: the links in its emails are the first instance's.
    if (process.env.DATABASE_URL) second = await startTestServer({ extraEnv: { ...extraEnv, APP_URL: server.baseURL }, shareDatabaseWith: server });
  });
  afterAll(async () => {
    await second?.stop();
    await server?.stop();
    await sink?.stop();
  });

  it("threads every email to the ticket's first one, marks only automatic ones, and never emails a note", async () => {
    const email = uniqueEmail("thread");
    const ticket = await file({ email });
    const other = await file({ email: uniqueEmail("other") });
    const form = new FormData();
    form.append("body", "Hi Ana,\nplease try again.");
    form.append("attachments", new Blob([new Uint8Array(png())]), "steps.png");
    expect((await call(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", body: form })).status).toBe(201);
    expect((await call(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", json: { body: "internal only", kind: "note" } })).status).toBe(201);
    expect((await call(`/api/support-tickets/${ticket.id}`, { method: "PATCH", json: { status: "in_progress" } })).status).toBe(200);

    const mails = await eventually(async () => (mailsOf(email).length >= 3 ? mailsOf(email) : undefined), "three emails");
    const first = mails.find((mail) => mail.subject === `We received your ticket [#${ticket.id}]`)!;
    const reply = mails.find((mail) => mail.subject === `New reply on your ticket [#${ticket.id}]: ${ticket.subject}`)!;
    const moved = mails.find((mail) => mail.subject?.startsWith(`Your ticket [#${ticket.id}] is now in progress`))!;
    expect(first.messageId).toBeTruthy();
    for (const later of [reply, moved]) {
      expect(later.inReplyTo).toBe(first.messageId);
      expect(later.references).toEqual(first.messageId);
    }
    expect(first.inReplyTo).toBeUndefined();
    expect(first.headers.get("auto-submitted")).toBe("auto-generated");
    expect(moved.headers.get("auto-submitted")).toBe("auto-generated");
    expect(reply.headers.get("auto-submitted")).toBeUndefined();

    const replyTo = (reply.replyTo?.value[0]?.address ?? "");
    expect(replyTo).toMatch(/^support\+[0-9a-f]{32}@example\.com$/);
    expect(first.replyTo?.value[0]?.address).toBe(replyTo);
    await eventually(async () => mailsOf(other.email).length > 0, "the other ticket's confirmation");
    expect(mailsOf(other.email)[0]!.replyTo?.value[0]?.address).not.toBe(replyTo);

    expect(reply.text).toContain("Hi Ana,\nplease try again.");
    const fileLink = /- steps\.png: (\S+)/.exec(reply.text ?? "")![1]!;
    expect((await fetch(fileLink)).status).toBe(200);
    expect(reply.text).toContain(ticket.trackingUrl);
    for (const mail of mails) expect(`${mail.text}${mail.html}`).not.toContain("internal only");
  });

  it("reminds at half of AUTO_CLOSE_AFTER, then closes once with reason auto_closed, a history row and the satisfaction question", async () => {
    const tickets = await Promise.all(Array.from({ length: 4 }, () => file({ email: uniqueEmail("autoclose") })));
    for (const ticket of tickets) {
      const resolved = await call(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", json: { body: "Done!", status: "resolved" } });
      expect(resolved.status).toBe(201);
    }

    for (const ticket of tickets) {
      const closed = await eventually(async () => {
        const current = (await (await call(`/api/support-tickets/${ticket.id}`)).json()) as TicketJson;
        return current.status === "closed" ? current : undefined;
      }, "the ticket to close by itself");
      expect(closed).toMatchObject({ closedReason: "auto_closed", awaiting: null });
      const events = (await (await call(`/api/support-tickets/${ticket.id}/events`)).json()) as TicketEvent[];
      expect(events.filter((event) => event.type === "status_changed" && event.toValue === "closed")).toEqual([
        expect.objectContaining({ fromValue: "resolved", actor: "system:auto-close" }),
      ]);
      const closing = await eventually(
        async () => mailsOf(ticket.email).find((mail) => mail.subject?.startsWith(`Your ticket [#${ticket.id}] is now closed`)),
        "the closing email",
      );
      expect(closing.text).toContain("Rate our help from 1 to 5");
      const outbox = (await (await call(`/api/outbox-messages?ticketId=${ticket.id}`)).json()) as Array<{ kind: string }>;
      expect(outbox.map((message) => message.kind).sort()).toEqual(["resolution_reminder", "staff_reply", "status_changed", "ticket_created"]);
      const reminders = mailsOf(ticket.email).filter((mail) => mail.subject?.startsWith("Is your problem solved?"));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.headers.get("auto-submitted")).toBe("auto-generated");
    }
  });

  it("keeps a ticket the requester answered in time open", async () => {
    const ticket = await file();
    expect((await call(`/api/support-tickets/${ticket.id}`, { method: "PATCH", json: { status: "resolved" } })).status).toBe(200);
    const reopened = await call(`/api/support-tickets/${ticket.id}/resolution`, {
      method: "POST",
      json: { accepted: false, body: "Not yet" },
      headers: { authorization: "", ...keyOf(ticket) },
    });
    expect(reopened.status).toBe(200);
    // Wait past AUTO_CLOSE_AFTER by watching the job close a later ticket resolved after this one was reopened.
    const witness = await file();
    expect((await call(`/api/support-tickets/${witness.id}`, { method: "PATCH", json: { status: "resolved" } })).status).toBe(200);
    await eventually(async () => ((await (await call(`/api/support-tickets/${witness.id}`)).json()) as TicketJson).status === "closed", "the witness to close");
    expect(((await (await call(`/api/support-tickets/${ticket.id}`)).json()) as TicketJson).status).toBe("in_progress");
  });
});
