// The attachment domain operations against a real embedded database and local disk: history rows,
// versions, and the orphan sweep, which the HTTP suite cannot see from outside.
import { mkdir, readdir, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { setUpEmbeddedDatabase } from "@/tests/support/embedded-database";

const dataDir = await setUpEmbeddedDatabase("attachments-unit", { UPLOADTHING_TOKEN: "" });
const { getDb } = await import("@/db");
const { ticketEvents } = await import("@/db/schema");
const { eq } = await import("drizzle-orm");
const { createTicketWithAttachments } = await import("./create-ticket-with-attachments");
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
    const created = await createTicketWithAttachments(input, [await stagedText("a.txt")], actor);
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

describe("deleteOrphanedFiles", () => {
  it("deletes old files no row references and keeps referenced and fresh ones", async () => {
    await createTicketWithAttachments(input, [await stagedText("kept.txt")], actor);
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
