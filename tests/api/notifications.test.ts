import { type ChildProcess, execFile, spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, runNpmCommand, startTestServer } from "../support/test-server";
import { SmtpSink } from "../support/smtp-sink";
import { ticketBody, type TicketJson, uniqueEmail } from "./client";
import { eventually } from "../support/eventually";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

// Quick polls and retries, so an outage and a give-up fit in a test: retries after 0.15, 0.3, 0.6, 1.2 and 2.4 s.
const OUTBOX_ENV = { OUTBOX_POLL_MS: "100", OUTBOX_RETRY_BASE_MS: "150", OUTBOX_MAX_ATTEMPTS: "6" };

interface OutboxMessageJson {
  id: number;
  ticketId: number;
  kind: string;
  recipientEmail: string;
  subject: string;
  status: "pending" | "sent" | "failed";
  attempts: number;
  lastError: string | null;
}


const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One app instance of this file's own, sending through `smtpUrl`, with an API token for moves. */
async function startApp(extraEnv: Record<string, string>) {
  let token = "";
  const server = await startTestServer({
    extraEnv: { ...OUTBOX_ENV, ...extraEnv },
    beforeStart: async (env) => {
      token = (await runNpmCommand(env, "token:create", "notifications test")).trim().split("\n").at(-1)!;
    },
  });
  const auth = { authorization: `Bearer ${token}` };
  const call = (url: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${server.baseURL}${url}`, {
      ...init,
      headers: { ...(init.json !== undefined && { "content-type": "application/json" }), ...init.headers },
      body: init.json !== undefined ? JSON.stringify(init.json) : undefined,
    });
  return {
    server,
    call,
    auth,
    fileTicket: async (overrides: Record<string, unknown> = {}): Promise<TicketJson> => {
      const response = await call("/api/support-tickets", { method: "POST", json: ticketBody({ locale: "en", ...overrides }) });
      expect(response.status).toBe(201);
      return (await response.json()) as TicketJson;
    },
    read: async (id: number): Promise<TicketJson> =>
      (await (await call(`/api/support-tickets/${id}`, { headers: auth })).json()) as TicketJson,
    move: (id: number, json: Record<string, unknown>, headers: Record<string, string> = {}) =>
      call(`/api/support-tickets/${id}`, { method: "PATCH", json, headers: { ...auth, ...headers } }),
    outbox: async (ticketId: number): Promise<OutboxMessageJson[]> => {
      const response = await call(`/api/outbox-messages?ticketId=${ticketId}`, { headers: auth });
      expect(response.status).toBe(200);
      return (await response.json()) as OutboxMessageJson[];
    },
  };
}
type App = Awaited<ReturnType<typeof startApp>>;

/** Waits until every queued message of these tickets is settled, then a few polls more, so a duplicate would show. */
async function settled(app: App, ticketIds: number[]): Promise<OutboxMessageJson[]> {
  const messages = await eventually(async () => {
    const all = (await Promise.all(ticketIds.map((id) => app.outbox(id)))).flat();
    return all.every((message) => message.status !== "pending") ? all : undefined;
  }, "the outbox to settle");
  await pause(500);
  return messages;
}

describe("notification emails over SMTP", () => {
  let sink: SmtpSink;
  let app: App;
  beforeAll(async () => {
    sink = new SmtpSink(await freePort(), { refuse: (address) => (address.startsWith("bounce.") ? 550 : address.startsWith("later.") ? 451 : undefined) });
    await sink.start();
    app = await startApp({ SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await app?.server.stop();
    await sink?.stop();
  });

  it("confirms a new ticket with exactly one email to the requester, with the private tracking link and nothing the filer wrote", async () => {
    const email = uniqueEmail("created");
    const spam = { fullName: "Cheap watches at spam.example", subject: "Visit spam.example now", message: "Buy watches at https://spam.example/deal" };
    const ticket = await app.fileTicket({ email, ...spam });
    const [mail] = await eventually(() => (sink.to(email).length ? sink.to(email) : undefined), "the confirmation");
    expect(mail!.recipients).toEqual([email]);
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: email, name: "" }] });
    expect(mail!.parsed.subject).toBe(`We received your ticket [#${ticket.id}]`);
    expect(mail!.parsed.text).toContain(ticket.trackingUrl);
    expect(mail!.parsed.html).toContain(`href="${ticket.trackingUrl}"`);
    for (const part of [mail!.parsed.subject, mail!.parsed.text, mail!.parsed.html]) expect(part).not.toMatch(/spam\.example|watches/);
    expect(mail!.parsed.from?.text).toContain("support@kinconecta.local");

    const [queued] = await settled(app, [ticket.id]);
    expect(queued).toMatchObject({ kind: "ticket_created", status: "sent", attempts: 1, recipientEmail: email });
    expect(sink.to(email)).toHaveLength(1);
  });

  it("sends exactly one email per move, saying what changed, each with the tracking link", async () => {
    const email = uniqueEmail("moves");
    const ticket = await app.fileTicket({ email });
    for (const status of ["in_progress", "resolved", "closed"]) {
      expect((await app.move(ticket.id, { status })).status).toBe(200);
    }
    await settled(app, [ticket.id]);
    const subjects = sink.to(email).map((mail) => mail.parsed.subject);
    expect(subjects.sort()).toEqual(
      [
        `We received your ticket [#${ticket.id}]`,
        `Your ticket [#${ticket.id}] is now in progress: ${ticket.subject}`,
        `Your ticket [#${ticket.id}] is now resolved: ${ticket.subject}`,
        `Your ticket [#${ticket.id}] is now closed: ${ticket.subject}`,
      ].sort(),
    );
    const closed = sink.to(email).find((mail) => mail.parsed.subject?.includes("is now closed"))!;
    expect(closed.parsed.text).toContain("Your ticket moved from resolved to closed.");
    expect(closed.parsed.text).toContain("will not change again");
    for (const mail of sink.to(email)) expect(mail.parsed.text).toContain(ticket.trackingUrl);
  });

  it("sends nothing for a move that is refused (409 or 412) or a recategorisation", async () => {
    const email = uniqueEmail("refused");
    const ticket = await app.fileTicket({ email });
    expect((await app.move(ticket.id, { status: "closed" })).status).toBe(200);
    expect((await app.move(ticket.id, { status: "in_progress" })).status).toBe(409);
    expect((await app.move(ticket.id, { status: "resolved" }, { "if-match": '"v1"' })).status).toBe(412);
    await settled(app, [ticket.id]);
    expect(sink.to(email).map((mail) => mail.parsed.subject?.split(":")[0])).toEqual(
      expect.arrayContaining([`We received your ticket [#${ticket.id}]`, `Your ticket [#${ticket.id}] is now closed`]),
    );
    expect(sink.to(email)).toHaveLength(2);

    const recategorised = await app.fileTicket({ email: uniqueEmail("recategorised") });
    expect((await app.move(recategorised.id, { category: "Billing" })).status).toBe(200);
    expect((await settled(app, [recategorised.id])).map((message) => message.kind)).toEqual(["ticket_created"]);
  });

  it("moves a ticket silently with notify: false (e.g. closing spam)", async () => {
    const email = uniqueEmail("silent");
    const ticket = await app.fileTicket({ email });
    const response = await app.move(ticket.id, { status: "closed", notify: false });
    expect(response.status).toBe(200);
    expect((await response.json()).status).toBe("closed");
    expect((await settled(app, [ticket.id])).map((message) => message.kind)).toEqual(["ticket_created"]);
    expect(sink.to(email)).toHaveLength(1);
  });

  it("refuses a notify flag that is not true or false, and moves nothing", async () => {
    const ticket = await app.fileTicket();
    const response = await app.move(ticket.id, { status: "closed", notify: "no" });
    expect(response.status).toBe(422);
    expect((await response.json()).errors).toEqual([{ path: "notify", message: "notify must be true or false", code: "invalid_type" }]);
    expect((await app.read(ticket.id)).status).toBe("open");
  });

  it("refuses line breaks in the name or subject, so nobody can add recipients or headers through them", async () => {
    const email = uniqueEmail("injection");
    const response = await app.call("/api/support-tickets", {
      method: "POST",
      json: ticketBody({ email, fullName: "Ana\r\nBcc: victim1@example.com", subject: "Refund\r\nBcc: victim2@example.com\r\nX-Evil: 1" }),
    });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { errors: Array<{ path: string }> };
    expect(problem.errors.map((error) => error.path).sort()).toEqual(["fullName", "subject"]);
    // Text from before this rule is folded onto one line by the composer (compose-ticket-email.test.ts).
    const other = await app.fileTicket();
    await settled(app, [other.id]);
    expect(sink.to(email)).toEqual([]);
    expect(sink.received.some((received) => received.recipients.some((to) => to.startsWith("victim")))).toBe(false);
  });

  it("keeps messages while the SMTP server is down and sends each once when it is back", async () => {
    await sink.stop();
    const emails = Array.from({ length: 5 }, () => uniqueEmail("outage"));
    const tickets: TicketJson[] = [];
    for (const email of emails) tickets.push(await app.fileTicket({ email }));
    const waiting = await eventually(async () => {
      const messages = (await Promise.all(tickets.map((ticket) => app.outbox(ticket.id)))).flat();
      return messages.every((message) => message.status === "pending" && message.attempts >= 1) ? messages : undefined;
    }, "a failed first attempt of each message");
    expect(waiting[0]!.lastError).toMatch(/ECONNREFUSED|connect/i);

    await sink.start();
    const messages = await settled(app, tickets.map((ticket) => ticket.id));
    expect(messages.every((message) => message.status === "sent")).toBe(true);
    for (const email of emails) expect(sink.to(email)).toHaveLength(1);
  });

  it("gives up after the configured number of attempts and records the error", async () => {
    const email = uniqueEmail("later");
    const ticket = await app.fileTicket({ email });
    const [message] = await settled(app, [ticket.id]);
    expect(message).toMatchObject({ status: "failed", attempts: 6 });
    expect(message!.lastError).toContain("451");
  });

  it("lists the outbox, filtered, for API clients only", async () => {
    const ticket = await app.fileTicket();
    await settled(app, [ticket.id]);
    expect((await app.call(`/api/outbox-messages?ticketId=${ticket.id}`)).status).toBe(401);
    const bad = await app.call("/api/outbox-messages?status=lost", { headers: app.auth });
    expect(bad.status).toBe(422);
    const sent = await app.call(`/api/outbox-messages?status=sent&ticketId=${ticket.id}`, { headers: app.auth });
    expect(await sent.json()).toMatchObject([{ ticketId: ticket.id, status: "sent", kind: "ticket_created" }]);
    const failed = await app.call(`/api/outbox-messages?status=failed&ticketId=${ticket.id}`, { headers: app.auth });
    expect(await failed.json()).toEqual([]);
  });

  it("gives up at once when the server refuses the address for good", async () => {
    const ticket = await app.fileTicket({ email: uniqueEmail("bounce") });
    const [message] = await settled(app, [ticket.id]);
    expect(message).toMatchObject({ status: "failed", attempts: 1 });
    expect(message!.lastError).toContain("550");
  });
});

describe("notification emails without SMTP_URL", () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({ SMTP_URL: "" });
  });
  afterAll(async () => {
    await app?.server.stop();
  });

  it("are written as .eml files under DATA_DIR/mail", async () => {
    const email = uniqueEmail("eml");
    const ticket = await app.fileTicket({ email });
    const [message] = await settled(app, [ticket.id]);
    expect(message!.status).toBe("sent");
    const mailDir = path.join(app.server.env.DATA_DIR!, "mail");
    const files = await readdir(mailDir);
    expect(files).toEqual([`${String(message!.id).padStart(6, "0")}-ticket_created.eml`]);
    const parsed = await simpleParser(await readFile(path.join(mailDir, files[0]!)));
    expect(parsed.to).toMatchObject({ value: [{ address: email }] });
    expect(parsed.text).toContain(ticket.trackingUrl);
  });
});

describe("several workers on one database", () => {
  const usesPostgres = Boolean(process.env.DATABASE_URL);
  let sink: SmtpSink;
  let app: App;
  beforeAll(async () => {
    sink = new SmtpSink(await freePort());
    await sink.start();
    app = await startApp({ SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await app?.server.stop();
    await sink?.stop();
  });

  it(
    usesPostgres
      ? "the server's worker and `npm run worker` send each message exactly once between them"
      : "`npm run worker` refuses the embedded database while the server, which sends the mail itself, holds it",
    async () => {
      if (!usesPostgres) {
        const failure = await run("npm", ["run", "-s", "worker"], { cwd: root, env: app.server.env }).then(
          () => null,
          (error: { code: number; stderr: string }) => error,
        );
        expect(failure?.code).toBe(1);
        expect(failure?.stderr).toContain("is in use by another process");
        return;
      }

      // The second worker sends through an SMTP server of its own, so each message shows which worker sent it.
      const otherSink = new SmtpSink(await freePort());
      await otherSink.start();
      let worker: ChildProcess | undefined;
      try {
        worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
          cwd: root,
          env: { ...app.server.env, SMTP_URL: otherSink.url },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let output = "";
        worker.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        worker.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        await eventually(() => output.includes("Outbox worker:"), "the second worker to start", 30_000);

        const emails = Array.from({ length: 30 }, () => uniqueEmail("workers"));
        const tickets = await Promise.all(emails.map((email) => app.fileTicket({ email })));
        const messages = await settled(app, tickets.map((ticket) => ticket.id));
        expect(messages.every((message) => message.status === "sent" && message.attempts === 1)).toBe(true);
        for (const email of emails) expect(sink.to(email).length + otherSink.to(email).length).toBe(1);
        expect(sink.received.length).toBeGreaterThan(0);
        expect(otherSink.received.length).toBeGreaterThan(0);
      } finally {
        if (worker && worker.exitCode === null) {
          const exited = new Promise((resolve) => worker!.once("exit", resolve));
          worker.kill("SIGTERM");
          await exited;
        }
        await otherSink.stop();
      }
    },
    60_000,
  );
});
