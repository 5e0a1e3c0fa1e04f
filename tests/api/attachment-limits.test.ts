import { randomBytes } from "node:crypto";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { api, auth, expectProblem, type TicketJson, ticketBody } from "./client";

// Servers of this file's own: a small size budget per ticket, and a storage floor no disk can meet.
const TICKET_BYTES = 10_000;
// A whole 1×1 PNG, then random bytes: detected as PNG, and every file unique.
const TINY_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f80f00000101000518d84e0000000049454e44ae426082",
  "hex",
);
const png = (size: number) => Buffer.concat([TINY_PNG, randomBytes(size - TINY_PNG.length)]);

function form(files: Buffer[], fields: Record<string, string> = {}): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  files.forEach((bytes, index) => body.append("attachments", new Blob([new Uint8Array(bytes)]), `photo-${index}.png`));
  return body;
}

const fileTicket = (server: TestServer, files: Buffer[]) =>
  api(`${server.baseURL}/api/support-tickets`, { method: "POST", body: form(files, ticketBody()) });

const keyOf = (ticket: TicketJson) => ({ "x-tracking-key": new URL(ticket.trackingUrl!).searchParams.get("key")! });

async function storedFiles(server: TestServer): Promise<string[]> {
  return readdir(path.join(server.env.DATA_DIR!, "attachments")).catch(() => []);
}

describe("a size budget per ticket (ATTACHMENT_MAX_TICKET_BYTES)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ extraEnv: { ATTACHMENT_MAX_TICKET_BYTES: String(TICKET_BYTES) } });
  });
  afterAll(() => server.stop());

  it("refuses a new ticket whose files together are over the budget, naming attachments, and stores nothing", async () => {
    const problem = await expectProblem(await fileTicket(server, [png(6_000), png(6_000)]), 413);
    expect(problem.errors).toEqual([{ path: "attachments", message: expect.stringContaining("limit for one ticket") }]);
    expect(await storedFiles(server)).toEqual([]);
  });

  it("refuses files that would take a ticket over the budget, and takes what still fits", async () => {
    const created = await fileTicket(server, [png(6_000)]);
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as TicketJson;
    const key = { "x-tracking-key": new URL(ticket.trackingUrl!).searchParams.get("key")! };
    const add = (files: Buffer[]) =>
      api(`${server.baseURL}/api/support-tickets/${ticket.id}/attachments`, { method: "POST", body: form(files), headers: key });

    const problem = await expectProblem(await add([png(5_000)]), 413);
    expect(problem.errors).toEqual([{ path: "attachments", message: expect.stringContaining("at most 9.8 KB together") }]);
    expect(await storedFiles(server)).toHaveLength(1);

    const added = await add([png(4_000)]);
    expect(added.status).toBe(200);
    expect(((await added.json()) as TicketJson).attachments).toHaveLength(2);
  });
});

describe("files per ticket (ATTACHMENT_MAX_FILES, 5 here) against files sent in the conversation", () => {
  it("counts only the files filed with the ticket or added to it, so replies with files never use up the ticket's room", async () => {
    const created = await api("/api/support-tickets", { method: "POST", body: form([png(600)], ticketBody()) });
    expect(created.status).toBe(201);
    const ticket = (await created.json()) as TicketJson;
    const reply = (headers: Record<string, string>, files: Buffer[]) =>
      api(`/api/support-tickets/${ticket.id}/messages`, { method: "POST", body: form(files, { body: "Here are more photos." }), headers });
    expect((await reply(auth, [png(600), png(600), png(600)])).status).toBe(201);
    expect((await reply(keyOf(ticket), [png(600), png(600), png(600), png(600), png(600)])).status).toBe(201);

    const add = (files: Buffer[]) =>
      api(`/api/support-tickets/${ticket.id}/attachments`, { method: "POST", body: form(files), headers: keyOf(ticket) });
    const added = await add([png(600), png(600), png(600), png(600)]);
    expect(added.status).toBe(200);
    expect(((await added.json()) as TicketJson).attachments).toHaveLength(1 + 3 + 5 + 4);

    const problem = await expectProblem(await add([png(600)]), 422);
    expect(problem.errors).toEqual([{ path: "attachments", message: expect.stringContaining("has 5 and this request adds 1") }]);
  });
});

describe("a nearly full storage volume (ATTACHMENT_MIN_FREE_BYTES)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ extraEnv: { ATTACHMENT_MIN_FREE_BYTES: String(10 ** 15) } });
  });
  afterAll(() => server.stop());

  it("refuses uploads with 507 and stores nothing, but still files tickets without files", async () => {
    const problem = await expectProblem(await fileTicket(server, [png(2_000)]), 507);
    expect(problem.title).toBe("Insufficient Storage");
    expect(await storedFiles(server)).toEqual([]);

    const withoutFiles = await api(`${server.baseURL}/api/support-tickets`, { method: "POST", json: ticketBody() });
    expect(withoutFiles.status).toBe(201);
  });
});
