import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundEmailRecord, InboundEmailResult } from "@/lib/inbound-email/schemas";
import type { Message } from "@/lib/tickets/message-schemas";
import { fillPlaceholders, INBOUND_FIXTURES, type InboundFixture, loadFixture, type PlaceholderValues } from "../fixtures/inbound-email/corpus";
import { type DovecotServer, startDovecot } from "../support/dovecot";
import { eventually } from "../support/eventually";
import { runNpmCommand, startTestServer, type TestServer } from "../support/test-server";
import { api, expectProblem, ticketBody } from "./client";

// A server of its own, watching a real Dovecot mailbox and taking email by HTTP, with small limits to test against.
const SECRET = "inbound-email-secret-for-tests-0123456789";
const SUPPORT = "support@kinconecta.test";
let dovecot: DovecotServer;
let server: TestServer;
let bearer: Record<string, string>;
const run = `${process.pid}x${Date.now()}`;
const appendLatencies: number[] = [];

const url = (path: string) => `${server.baseURL}${path}`;
const asJson = async <T>(response: Response | Promise<Response>) => (await (await response).json()) as T;

beforeAll(async () => {
  dovecot = await startDovecot();
  let token = "";
  server = await startTestServer({
    extraEnv: {
      IMAP_URL: dovecot.imapUrl,
      IMAP_POLL_MS: "60000",
      INBOUND_EMAIL_SECRET: SECRET,
      INBOUND_EMAIL_MAX_BYTES: String(2 * 1024 * 1024),
      INBOUND_EMAILS_PER_SENDER_PER_HOUR: "5",
      MAIL_FROM: `Kinconecta Support <${SUPPORT}>`,
      MAIL_REPLY_TO: "support+{token}@kinconecta.test",
      ATTACHMENT_MAX_BYTES: "65536",
    },
    beforeStart: async (env) => {
      token = (await runNpmCommand(env, "token:create", "inbound email")).trim().split("\n").at(-1)!;
    },
  });
  bearer = { authorization: `Bearer ${token}` };
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await dovecot?.stop();
  if (appendLatencies.length > 0) {
    const sorted = [...appendLatencies].sort((a, b) => a - b);
    const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))];
    console.log(`IMAP APPEND → taken: ${sorted.length} messages, p50 ${at(0.5)} ms, max ${sorted.at(-1)} ms`);
  }
});

interface Prepared {
  id: number;
  requester: string;
  replyTo: string;
  ourMessageId: string;
}

/** A ticket filed on the form, moved to `status`, with the reply address and Message-ID of its confirmation email. */
async function prepareTicket(status: "open" | "resolved" | "closed", requester: string): Promise<Prepared> {
  const created = await asJson<{ id: number }>(api(url("/api/support-tickets"), { method: "POST", json: ticketBody({ email: requester }) }));
  const moves = { open: [], resolved: ["in_progress", "resolved"], closed: ["in_progress", "resolved", "closed"] }[status];
  for (const to of moves) {
    const moved = await api(url(`/api/support-tickets/${created.id}`), { method: "PATCH", json: { status: to }, headers: bearer });
    expect(moved.status).toBe(200);
  }
  const [confirmation] = await asJson<Array<{ messageId: string; replyTo: string | null; kind: string }>>(
    api(url(`/api/outbox-messages?ticketId=${created.id}&limit=200`), { headers: bearer }),
  ).then((messages) => messages.filter((message) => message.kind === "ticket_created"));
  return { id: created.id, requester, replyTo: confirmation!.replyTo!, ourMessageId: confirmation!.messageId };
}

function fixtureBytes(fixture: InboundFixture, way: string, prepared: Prepared | undefined): { raw: Buffer; messageId: string; values: PlaceholderValues } {
  const values: PlaceholderValues = {
    SUPPORT,
    OWN_ADDRESS: SUPPORT,
    RUN: `${run}${way}${fixture.file.replace(/\W/g, "")}`,
    REQUESTER: prepared?.requester ?? `someone.${run}@example.com`,
    REPLY_TO: prepared?.replyTo ?? SUPPORT,
    OUR_MESSAGE_ID: prepared?.ourMessageId ?? `<nothing.${run}@kinconecta.test>`,
    TICKET_ID: String(prepared?.id ?? 999_999),
  };
  const raw = loadFixture(fixture.file, values);
  const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw.toString("latin1"))?.[1];
  if (!messageId) throw new Error(`${fixture.file} has no Message-ID`);
  return { raw, messageId, values };
}

async function deliver(way: "http" | "imap", raw: Buffer, messageId: string): Promise<InboundEmailResult> {
  if (way === "http") {
    const response = await api(url("/api/inbound-email"), {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" },
      body: new Uint8Array(raw),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as InboundEmailResult;
  }
  const appended = Date.now();
  await dovecot.append(raw);
  const record = await eventually(async () => {
    const [found] = await asJson<InboundEmailRecord[]>(api(url(`/api/inbound-emails?messageId=${encodeURIComponent(messageId)}`), { headers: bearer }));
    return found;
  }, `the mailbox watcher to take ${messageId}`);
  appendLatencies.push(Date.now() - appended);
  // The log has no `duplicate`: a record found for a fresh Message-ID is the first time it was taken.
  return { outcome: record.outcome, duplicate: false, ticketId: record.ticketId, messageId: record.ticketMessageId, reason: record.reason, refusedAttachments: record.refusedAttachments };
}

const messagesOf = (ticketId: number) => asJson<Message[]>(api(url(`/api/support-tickets/${ticketId}/messages`), { headers: bearer }));
const ticketOf = (ticketId: number) => asJson<{ status: string; subject: string; message: string; email: string }>(api(url(`/api/support-tickets/${ticketId}`), { headers: bearer }));

describe.each(["http", "imap"] as const)("an email taken by %s", (way) => {
  it.each(INBOUND_FIXTURES.map((fixture) => [fixture.file, fixture] as const))("%s lands where it should", async (_file, fixture) => {
    const prepared = fixture.ticket ? await prepareTicket(fixture.ticket, `requester.${way}.${fixture.file.replace(/\W/g, "")}.${run}@example.com`) : undefined;
    const before = prepared && (await messagesOf(prepared.id));
    const { raw, messageId, values } = fixtureBytes(fixture, way, prepared);
    const result = await deliver(way, raw, messageId);
    const body = fillPlaceholders(fixture.body ?? "", values);

    if (fixture.lands === "ignored") {
      expect(result.outcome).toBe("ignored");
      expect(result.reason).toContain(fixture.ignoredBecause);
      expect(result.ticketId).toBeNull();
      if (prepared) {
        expect(await messagesOf(prepared.id)).toHaveLength(before!.length);
        expect((await ticketOf(prepared.id)).status).toBe(fixture.ticket);
      }
      return;
    }
    const expectedOutcome = { reply: "reply", "new-ticket": "new_ticket", "follow-up": "follow_up" }[fixture.lands];
    expect(result, JSON.stringify(result)).toMatchObject({ outcome: expectedOutcome, duplicate: false });
    expect((result.refusedAttachments ?? []).map((file) => file.fileName).sort()).toEqual([...(fixture.refused ?? [])].sort());
    const messages = await messagesOf(result.ticketId!);
    const message = messages.find((entry) => entry.id === result.messageId)!;
    expect(message).toMatchObject({ kind: "reply", channel: "email", author: { type: "requester" }, body });
    expect(message.attachments.map((file) => file.fileName).sort()).toEqual([...(fixture.attachments ?? [])].sort());
    expect(message.refusedAttachments.map((file) => file.fileName).sort()).toEqual([...(fixture.refused ?? [])].sort());
    // Staff can open the email itself, byte for byte.
    const original = await api(message.originalEmailUrl!, { headers: bearer });
    expect(original.headers.get("content-type")).toBe("message/rfc822");
    expect(Buffer.from(await original.arrayBuffer()).equals(raw)).toBe(true);

    if (fixture.lands === "reply") {
      expect(result.ticketId).toBe(prepared!.id);
      expect(result.reason).toBe(fixture.by);
      expect(messages).toHaveLength(before!.length + 1);
      if (fixture.ticket === "resolved") expect((await ticketOf(prepared!.id)).status).toBe("in_progress");
      return;
    }
    expect(result.ticketId).not.toBe(prepared?.id);
    const ticket = await ticketOf(result.ticketId!);
    expect(ticket).toMatchObject({ status: "open", message: body, ...(fixture.subject && { subject: fillPlaceholders(fixture.subject, values) }) });
    // The confirmation answers the requester's own email, so their mail client threads it.
    const [confirmation] = await asJson<Array<{ kind: string; inReplyTo: string | null; textBody: string }>>(
      api(url(`/api/outbox-messages?ticketId=${result.ticketId}`), { headers: bearer }),
    );
    expect(confirmation).toMatchObject({ kind: "ticket_created", inReplyTo: messageId });
    if (fixture.lands === "follow-up") {
      expect(result.reason).toBe(`#${prepared!.id} is closed`);
      expect(confirmation!.textBody).toContain(`#${prepared!.id}`);
      expect(messages.find((entry) => entry.kind === "note")?.body).toContain(`#${prepared!.id}`);
      expect((await ticketOf(prepared!.id)).status).toBe("closed");
    }
  });
});

describe("the same email twice", () => {
  const [fixture] = INBOUND_FIXTURES.filter((entry) => entry.lands === "reply" && entry.by === "token");

  it("is taken once, whichever way it comes again", async () => {
    const prepared = await prepareTicket("open", `twice.${run}@example.com`);
    const { raw, messageId } = fixtureBytes(fixture!, "twice", prepared);
    const first = await deliver("http", raw, messageId);
    const again = await deliver("http", raw, messageId);
    expect(again).toEqual({ ...first, duplicate: true });
    await dovecot.append(raw);
    await eventually(async () => (await dovecot.list()).find((entry) => entry.messageId === messageId)?.flags.includes("\\Seen"), "the watcher to mark it seen");
    expect((await messagesOf(prepared.id)).filter((message) => message.channel === "email")).toHaveLength(1);
  });
});

describe("POST /api/inbound-email refuses", () => {
  const post = (body: BodyInit, headers: Record<string, string>) => api(url("/api/inbound-email"), { method: "POST", body, headers });
  const email = `From: someone@example.com\r\nTo: ${SUPPORT}\r\nSubject: Hello\r\nMessage-ID: <refused.${run}@example.com>\r\n\r\nHello\r\n`;

  it("a wrong or missing secret (401), something that is no email (422), another media type (415), too large (413), changing nothing", async () => {
    const countBefore = await asJson<Record<string, number>>(api(url("/api/support-tickets/counts"), { headers: bearer }));
    await expectProblem(await post(email, { authorization: "Bearer not-the-secret-0123456789012345678901", "content-type": "message/rfc822" }), 401);
    await expectProblem(await post(email, { "content-type": "message/rfc822" }), 401);
    await expectProblem(await post(JSON.stringify({ hello: "world" }), { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" }), 422);
    await expectProblem(await post("Subject: no sender\r\n\r\nbody", { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" }), 422);
    await expectProblem(await post(email, { authorization: `Bearer ${SECRET}`, "content-type": "text/plain" }), 415);
    const huge = `${email}${"x".repeat(2 * 1024 * 1024)}`;
    await expectProblem(await post(huge, { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" }), 413);
    expect(await asJson(api(url("/api/support-tickets/counts"), { headers: bearer }))).toEqual(countBefore);
    expect(await asJson(api(url(`/api/inbound-emails?messageId=${encodeURIComponent(`<refused.${run}@example.com>`)}`), { headers: bearer }))).toEqual([]);
  });
});

describe("an email with what the ticket rules refuse", () => {
  it("is still taken: control characters dropped, an overlong Message-ID replaced by the message's hash", async () => {
    const longId = `<${"x".repeat(6_000)}.${run}@example.com>`;
    const raw = Buffer.from(`From: Nul Person <nul.${run}@example.com>\r\nTo: ${SUPPORT}\r\nSubject: Broken\u0000 \u001b[31msubject\r\nMessage-ID: ${longId}\r\n\r\nLine one\u000c\r\nLine two\u0000\r\n`, "latin1");
    const response = await api(url("/api/inbound-email"), {
      method: "POST",
      headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822" },
      body: new Uint8Array(raw),
    });
    const result = (await response.json()) as InboundEmailResult;
    expect(result.outcome).toBe("new_ticket");
    expect(await ticketOf(result.ticketId!)).toMatchObject({ subject: "Broken [31msubject", message: "Line one\nLine two" });
  });
});

describe("a sender who floods", () => {
  it("gets no more tickets past their hourly budget", async () => {
    const sender = `flood.${run}@example.com`;
    const outcomes: string[] = [];
    for (let index = 0; index < 6; index++) {
      const raw = Buffer.from(`From: ${sender}\r\nTo: ${SUPPORT}\r\nSubject: Help ${index}\r\nMessage-ID: <flood${index}.${run}@example.com>\r\n\r\nPlease help ${index}\r\n`);
      outcomes.push((await deliver("http", raw, `<flood${index}.${run}@example.com>`)).outcome);
    }
    expect(outcomes).toEqual(["new_ticket", "new_ticket", "new_ticket", "new_ticket", "new_ticket", "rate_limited"]);
    expect(await asJson<unknown[]>(api(url(`/api/support-tickets?email=${encodeURIComponent(sender)}`), { headers: bearer }))).toHaveLength(5);
  });

  it("still gets their replies through: a forged flood in their name cannot silence a requester", async () => {
    const prepared = await prepareTicket("open", `forged.${run}@example.com`);
    for (let index = 0; index < 6; index++) {
      const raw = Buffer.from(`From: ${prepared.requester}\r\nTo: ${SUPPORT}\r\nSubject: Spam ${index}\r\nMessage-ID: <forged${index}.${run}@example.com>\r\n\r\nSpam ${index}\r\n`);
      await deliver("http", raw, `<forged${index}.${run}@example.com>`);
    }
    const reply = Buffer.from(`From: ${prepared.requester}\r\nTo: ${prepared.replyTo}\r\nSubject: Re: my ticket\r\nMessage-ID: <genuine.${run}@example.com>\r\n\r\nStill waiting for the refund.\r\n`);
    expect(await deliver("http", reply, `<genuine.${run}@example.com>`)).toMatchObject({ outcome: "reply", ticketId: prepared.id });
  });
});

describe("the mailbox going away", () => {
  it("is retried with back-off while the desk keeps serving and health says so; mail that arrived meanwhile is taken", async () => {
    await dovecot.stop();
    const degraded = await eventually(async () => {
      const health = await asJson<{ status: string; mailbox?: { status: string; error?: string } }>(api(url("/api/health")));
      return health.status === "degraded" && health;
    }, "health to report the mailbox degraded");
    expect(degraded.mailbox).toMatchObject({ status: "degraded", error: expect.any(String) });
    expect((await api(url("/api/support-tickets?limit=1"), { headers: bearer })).status).toBe(200);

    await dovecot.start();
    const raw = Buffer.from(`From: back.${run}@example.com\r\nTo: ${SUPPORT}\r\nSubject: After the outage\r\nMessage-ID: <outage.${run}@example.com>\r\n\r\nAre you there?\r\n`);
    await dovecot.append(raw);
    const record = await eventually(async () => {
      const [found] = await asJson<InboundEmailRecord[]>(api(url(`/api/inbound-emails?messageId=${encodeURIComponent(`<outage.${run}@example.com>`)}`), { headers: bearer }));
      return found;
    }, "the watcher to reconnect and take the new email", 120_000);
    expect(record.outcome).toBe("new_ticket");
    await eventually(async () => (await asJson<{ status: string }>(api(url("/api/health")))).status === "ok", "health to report the mailbox ok again");
  }, 180_000);
});
