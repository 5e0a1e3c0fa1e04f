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
    expect(queued[1]!.subject).toBe(`Your ticket #${ticket.id} is now in progress: Question about tour cancellation`);
  });

  it("queues nothing for a refused move", async () => {
    const { ticket } = await fileTicket({ input: input("refused@example.com"), files: [], actor: staff });
    await updateTicket(ticket.id, { status: "closed" }, staff);
    await expect(updateTicket(ticket.id, { status: "open" }, staff)).rejects.toThrow("cannot move");
    expect((await outboxOf(ticket.id)).map((message) => message.kind)).toEqual(["ticket_created", "status_changed"]);
  });

  it("writes each message as a parseable .eml file by default and records the sending in the ticket's history", async () => {
    const { ticket } = await fileTicket({ input: input("eml@example.com"), files: [], actor: staff });
    const worker = startOutboxWorker();
    try {
      const [sent] = await waitFor(async () => {
        const rows = await outboxOf(ticket.id);
        return rows[0]?.status === "sent" ? rows : undefined;
      });
      const mailDir = path.join(dataDir, "mail");
      const file = (await readdir(mailDir)).find((name) => name.startsWith(String(sent!.id).padStart(6, "0")));
      const parsed = await simpleParser(await readFile(path.join(mailDir, file!)));
      expect(parsed.subject).toBe(`We received your ticket #${ticket.id}: Question about tour cancellation`);
      expect(parsed.to).toMatchObject({ value: [{ address: "eml@example.com", name: "Ana Martinez" }] });
      expect(parsed.from?.text).toBe('"Kinconecta Support" <support@kinconecta.local>');
      expect(parsed.messageId).toBe(sent!.messageId);
      expect(parsed.text).toContain(trackingUrl(ticket.id));
      expect(parsed.html).toContain(trackingUrl(ticket.id));

      const db = await getDb();
      const history = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticket.id));
      expect(history.map((event) => [event.type, event.actor])).toEqual([
        ["created", "staff:agent@example.com"],
        ["notification_sent", "system:email"],
      ]);
    } finally {
      await worker.stop();
    }
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
