// The attachment domain operations against a real embedded database and local disk: history rows,
// versions, when files are stored relative to the transaction, and the orphan sweep, which the HTTP
// suite cannot see from outside.
import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { RequesterTicket, Ticket } from "@/lib/tickets/schemas";
import { setUpEmbeddedDatabase } from "@/tests/support/embedded-database";

const dataDir = await setUpEmbeddedDatabase("attachments-unit", { UPLOADTHING_TOKEN: "" });
const { getDb } = await import("@/db");
const { ticketEvents } = await import("@/db/schema");
const { eq, sql } = await import("drizzle-orm");
const { idempotencyKeys, tickets } = await import("@/db/schema");
const { withIdempotency } = await import("@/lib/http/idempotency");
const { createdTicketResult } = await import("@/lib/http/ticket-responses");
const { getTicketOrThrow } = await import("@/lib/tickets/get-ticket");
const { fileTicket } = await import("@/lib/tickets/file-ticket");
const { addAttachments } = await import("./add-attachments");
const { deleteOrphanedFiles } = await import("./delete-orphaned-files");
const { attachmentStorage } = await import("./storage");

const actor = { kind: "token", tokenId: 1, name: "unit" } as const;
const input = {
  roleContext: "guide",
  fullName: "Luis Ortega",
  email: "luis@example.com",
  category: "Technical Issue",
  subject: "App crashes",
  message: "The app crashes when I open my bookings.",
} as const;

let sequence = 0;
async function stagedText(fileName: string) {
  const stagingDir = attachmentStorage().stagingDir;
  await mkdir(stagingDir, { recursive: true });
  const file = path.join(stagingDir, `unit-${++sequence}`);
  const content = `log line ${sequence}\n`;
  await writeFile(file, content);
  return { fileName, path: file, size: content.length, sha256: "" };
}

async function history(ticketId: number) {
  const db = await getDb();
  const rows = await db.select().from(ticketEvents).where(eq(ticketEvents.ticketId, ticketId)).orderBy(ticketEvents.id);
  return rows.map((row) => [row.type, row.toValue, row.actor]);
}

describe("attachment history", () => {
  it("records attachment_added per file on create and on add, and bumps the version on add", async () => {
    const created = await fileTicket({ input, files: [await stagedText("a.txt")], actor });
    expect(await history(created.ticket.id)).toEqual([
      ["created", "open", "token:unit"],
      ["attachment_added", "a.txt", "token:unit"],
    ]);

    const requester = { kind: "requester", ticketId: created.ticket.id } as const;
    const added = await addAttachments(created.ticket.id, [await stagedText("b.log"), await stagedText("c")], requester);
    expect(added.version).toBe(created.version + 1);
    expect(added.ticket.attachments.map((a) => a.fileName)).toEqual(["a.txt", "b.log", "c.txt"]);
    expect((await history(created.ticket.id)).slice(2)).toEqual([
      ["attachment_added", "b.log", "requester"],
      ["attachment_added", "c.txt", "requester"],
    ]);
  });
});

/** Filing with an Idempotency-Key, as the POST handler does. */
function fileIdempotently(key: string, email: string, fileName: string) {
  const request = new Request("http://localhost/api/support-tickets", { headers: { "idempotency-key": key } });
  return withIdempotency<Ticket | RequesterTicket>(request, "unit", email, async (save) => {
    const files = [await stagedText(fileName)];
    const filed = await fileTicket({ input: { ...input, email }, files, actor, beforeCommit: (tx, ticket) => save(tx, createdTicketResult(ticket, actor)) });
    return createdTicketResult(filed, actor);
  });
}

/** Holds the next file at the storage's door until `release()`; `reached` resolves when it gets there. */
function holdNextStoredFile() {
  const storage = attachmentStorage();
  const put = storage.put.bind(storage);
  let reachedStorage!: () => void;
  let release!: () => void;
  const reached = new Promise<void>((resolve) => (reachedStorage = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const spy = vi.spyOn(storage, "put").mockImplementationOnce(async (file) => {
    reachedStorage();
    await released;
    return put(file);
  });
  return { reached, release, restore: () => spy.mockRestore() };
}

async function ticketsOf(email: string) {
  const db = await getDb();
  return db.select({ id: tickets.id }).from(tickets).where(eq(tickets.email, email));
}

describe("fileTicket", () => {
  it("answers with the ticket as stored, attachments included", async () => {
    const filed = await fileTicket({ input, files: [await stagedText("shown.txt")], actor });
    expect(filed.ticket.attachments.map((a) => a.fileName)).toEqual(["shown.txt"]);
    expect(filed).toEqual(await getTicketOrThrow(filed.ticket.id));
  });

  it("stores files with no transaction open: the database serves others while an upload is slow", async () => {
    const held = holdNextStoredFile();
    try {
      const filing = fileIdempotently(`slow-${++sequence}`, "slow@example.com", "slow.txt");
      await held.reached;
      // PGlite runs one transaction at a time: this would wait for the upload if a transaction were open.
      const db = await getDb();
      await db.execute(sql`select 1`);
      held.release();
      expect((await filing).status).toBe(201);
    } finally {
      held.restore();
    }
  });

  it("rolls back and deletes its files when a retry took its abandoned key over meanwhile", async () => {
    const key = `taken-over-${++sequence}`;
    const email = "taken-over@example.com";
    const held = holdNextStoredFile();
    try {
      const original = fileIdempotently(key, email, "original.txt");
      await held.reached;
      const db = await getDb();
      await db.update(idempotencyKeys).set({ createdAt: sql`now() - interval '10 minutes'` }).where(eq(idempotencyKeys.key, key));
      const retry = await fileIdempotently(key, email, "retry.txt");
      const filesBefore = await readdir(path.join(dataDir, "attachments"));
      held.release();
      await expect(original).rejects.toMatchObject({ code: "conflict" });
      expect(await ticketsOf(email)).toEqual([{ id: retry.body.id }]);
      expect((await readdir(path.join(dataDir, "attachments"))).sort()).toEqual(filesBefore.sort());
    } finally {
      held.restore();
    }
  });
});

describe("deleteOrphanedFiles", () => {
  it("deletes old files no row references and keeps referenced and fresh ones", async () => {
    await fileTicket({ input, files: [await stagedText("kept.txt")], actor });
    const directory = path.join(dataDir, "attachments");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const name of await readdir(directory)) await utimes(path.join(directory, name), twoHoursAgo, twoHoursAgo);
    const orphan = "00000000-0000-4000-8000-000000000001";
    await writeFile(path.join(directory, orphan), "left by a crash");
    await utimes(path.join(directory, orphan), twoHoursAgo, twoHoursAgo);
    const freshOrphan = "00000000-0000-4000-8000-000000000002";
    await writeFile(path.join(directory, freshOrphan), "its rows are being committed right now");
    const before = await readdir(directory);

    const sweep = await deleteOrphanedFiles(60 * 60 * 1000);

    expect(sweep.deleted).toEqual([orphan]);
    expect((await readdir(directory)).sort()).toEqual(before.filter((name) => name !== orphan).sort());
  });
});
