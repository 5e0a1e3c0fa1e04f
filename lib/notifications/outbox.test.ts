import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { setUpEmbeddedDatabase } from "@/tests/support/embedded-database";

// The domain code in this process, on an embedded database and the .eml transport of its own.
const dataDir = await setUpEmbeddedDatabase("outbox", {
  SMTP_URL: "",
  APP_URL: "https://support.example.test",
  OUTBOX_POLL_MS: "50",
  OUTBOX_LEASE_MS: "1000",
});
const { eq, sql } = await import("drizzle-orm");
const { getDb } = await import("@/db");
const { outboxMessages, ticketEvents } = await import("@/db/schema");
const { trackingUrl } = await import("@/lib/auth/tracking");
const { createTicket } = await import("@/lib/tickets/create-ticket");
const { issueTrackingLink } = await import("@/lib/tickets/issue-tracking-link");
const { fileTicket } = await import("@/lib/tickets/file-ticket");
const { updateTicket } = await import("@/lib/tickets/update-ticket");
const { startOutboxWorker } = await import("./outbox-worker");

const staff = { kind: "staff", userId: "u1", email: "agent@example.com", role: "agent" } as const;
const input = (email: string) => ({
  roleContext: "tourist" as const,
  fullName: "Ana Martinez",
  email,
  subject: "Question about tour cancellation",
  category: "General Inquiry",
  message: "What is your cancellation policy?",
  locale: "en" as const,
});

async function outboxOf(ticketId: number) {
  const db = await getDb();
  return db.select().from(outboxMessages).where(eq(outboxMessages.ticketId, ticketId)).orderBy(outboxMessages.id);
}

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs the worker until the ticket's first email is sent, and reads that email back from its .eml file. */
async function sendFirstEmail(ticketId: number) {
  const worker = startOutboxWorker();
  try {
    const [sent] = await waitFor(async () => {
      const rows = await outboxOf(ticketId);
      return rows[0]?.status === "sent" ? rows : undefined;
    });
    const mailDir = path.join(dataDir, "mail");
    const file = (await readdir(mailDir)).find((name) => name.startsWith(String(sent!.id).padStart(6, "0")));
    return { sent: sent!, parsed: await simpleParser(await readFile(path.join(mailDir, file!))) };
  } finally {
    await worker.stop();
  }
}

describe("the outbox, in the ticket's transaction", () => {
  it("queues nothing when the transaction that filed the ticket rolls back", async () => {
    const db = await getDb();
    let filedId = 0;
    await expect(
      db.transaction(async (tx) => {
        filedId = (await createTicket(tx, input("rollback@example.com"), staff)).ticket.id;
        throw new Error("a later step of the request failed");
      }),
    ).rejects.toThrow("a later step");
    expect(filedId).toBeGreaterThan(0);
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.recipientEmail, "rollback@example.com"))).toEqual([]);
  });

  it("queues one confirmation per ticket and one email per status move, none for a silent move", async () => {
    const { ticket } = await fileTicket({ input: input("moves@example.com"), files: [], actor: staff });
    await updateTicket(ticket.id, { status: "in_progress" }, staff);
    await updateTicket(ticket.id, { category: "Billing" }, staff);
    await updateTicket(ticket.id, { status: "closed", notify: false }, staff);
    const queued = await outboxOf(ticket.id);
    expect(queued.map((message) => [message.kind, message.recipientEmail, message.status])).toEqual([
      ["ticket_created", "moves@example.com", "pending"],
      ["status_changed", "moves@example.com", "pending"],
    ]);
    expect(queued[1]!.subject).toBe(`Your ticket [#${ticket.id}] is now in progress: Question about tour cancellation`);
  });

  it("queues nothing for a refused move", async () => {
    const { ticket } = await fileTicket({ input: input("refused@example.com"), files: [], actor: staff });
    await updateTicket(ticket.id, { status: "closed" }, staff);
    await expect(updateTicket(ticket.id, { status: "open" }, staff)).rejects.toThrow("cannot move");
    expect((await outboxOf(ticket.id)).map((message) => message.kind)).toEqual(["ticket_created", "status_changed"]);
  });

  it("writes each message as a parseable .eml file by default and records the sending in the ticket's history", async () => {
    const { ticket } = await fileTicket({ input: input("eml@example.com"), files: [], actor: staff });
    const { sent, parsed } = await sendFirstEmail(ticket.id);
    expect(parsed.subject).toBe(`We received your ticket [#${ticket.id}]`);
    // No display name: the filer's name is theirs to choose, the address may be anyone's.
    expect(parsed.to).toMatchObject({ value: [{ address: "eml@example.com", name: "" }] });
    expect(parsed.from?.text).toBe('"Kinconecta Support" <support@kinconecta.local>');
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.text).toContain(trackingUrl(ticket.id, 1));
    expect(parsed.html).toContain(trackingUrl(ticket.id, 1));

    const db = await getDb();
    const history = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
    expect(history.map((event) => [event.type, event.actor])).toEqual([
      ["created", "staff:agent@example.com"],
      ["notification_sent", "system:email"],
    ]);
  });

  it("stores emails without the private link and builds it when sending, at the ticket's current link version", async () => {
    const { ticket } = await fileTicket({ input: input("relinked@example.com"), files: [], actor: staff });
    const [queued] = await outboxOf(ticket.id);
    const firstKey = new URL(trackingUrl(ticket.id, 1)).searchParams.get("key")!;
    for (const body of [queued!.textBody, queued!.htmlBody]) {
      expect(body).toContain("{{tracking-link}}");
      expect(body).not.toContain(firstKey);
    }

    // Staff replace the link before the worker gets to the email: the email carries the new one.
    const { trackingUrl: newLink } = await issueTrackingLink(ticket.id, { actor: "staff:agent@example.com", ipAddress: null });
    expect(newLink).toBe(trackingUrl(ticket.id, 2));
    const { parsed } = await sendFirstEmail(ticket.id);
    expect(parsed.text).toContain(newLink);
    expect(parsed.text).not.toContain(firstKey);
    expect(parsed.html).toContain(newLink);
  });

  it("sends at most CONFIRMATION_EMAILS_PER_HOUR confirmations to one address; past that, files the ticket and records the skip", async () => {
    const filed = [];
    // The budget (5) is per address, whatever its case.
    for (const address of ["Flooded@example.com", "flooded@example.com", "FLOODED@example.com", "flooded@example.com", "flooded@EXAMPLE.com", "flooded@example.com"]) {
      filed.push((await fileTicket({ input: input(address), files: [], actor: staff })).ticket);
    }
    const other = (await fileTicket({ input: input("someone-else@example.com"), files: [], actor: staff })).ticket;

    const statuses = await Promise.all(filed.map(async (ticket) => (await outboxOf(ticket.id)).map((row) => row.status)));
    expect(statuses).toEqual([["pending"], ["pending"], ["pending"], ["pending"], ["pending"], ["failed"]]);
    const [skipped] = await outboxOf(filed[5]!.id);
    expect(skipped).toMatchObject({ attempts: 0, lastError: expect.stringContaining("CONFIRMATION_EMAILS_PER_HOUR") });
    const db = await getDb();
    const history = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, filed[5]!.id));
    expect(history.map((event) => [event.type, event.toValue])).toEqual([
      ["created", "open"],
      ["notification_failed", skipped!.lastError],
    ]);
    expect((await outboxOf(other.id)).map((row) => row.status)).toEqual(["pending"]);

    // An hour later the address has its budget again.
    await db.execute(sql`update outbox_messages set created_at = created_at - interval '61 minutes'
      where ticket_id in (select id from tickets where lower(email) = 'flooded@example.com')`);
    await db.execute(sql`update tickets set created_at = created_at - interval '61 minutes' where lower(email) = 'flooded@example.com'`);
    const later = (await fileTicket({ input: input("flooded@example.com"), files: [], actor: staff })).ticket;
    expect((await outboxOf(later.id)).map((row) => row.status)).toEqual(["pending"]);
  });

  it("sends a message that a crashed worker had claimed, once its lease runs out", async () => {
    const { ticket } = await fileTicket({ input: input("crashed@example.com"), files: [], actor: staff });
    const db = await getDb();
    // What a worker leaves behind when it dies mid-send: one attempt counted, the row leased for a second.
    await db
      .update(outboxMessages)
      .set({ attempts: 1, nextAttemptAt: sql`now() + interval '1 second'` })
      .where(eq(outboxMessages.ticketId, ticket.id));
    const worker = startOutboxWorker();
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect((await outboxOf(ticket.id))[0]).toMatchObject({ status: "pending", attempts: 1 });
      const [sent] = await waitFor(async () => {
        const rows = await outboxOf(ticket.id);
        return rows[0]?.status === "sent" ? rows : undefined;
      });
      expect(sent).toMatchObject({ attempts: 2, lastError: null });
    } finally {
      await worker.stop();
    }
  });
});
