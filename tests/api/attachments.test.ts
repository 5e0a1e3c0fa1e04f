import { createHash, randomBytes } from "node:crypto";
import { mkdir, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { api, auth, baseURL, expectProblem, listByEmail, type TicketJson, ticketBody } from "./client";

// Runs in two projects: `api` (local disk) and `api-uploadthing` (the real SDK against a stand-in).
const storage = inject("storage");
const dataDir = inject("dataDir");
const standInURL = inject("standInURL");

const MB = 1024 * 1024;
const TINY_PNG = Buffer.from(
  "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f80f00000101000518d84e0000000049454e44ae426082",
  "hex",
);

/** Real magic bytes with random bytes after them, so every file (and its hash) is unique. */
const samples = {
  png: (size = 2048) => Buffer.concat([TINY_PNG, randomBytes(size - TINY_PNG.length)]),
  jpeg: () => Buffer.concat([Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"), randomBytes(1024)]),
  gif: () => Buffer.concat([Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00", "latin1"), randomBytes(512)]),
  webp: () => Buffer.concat([Buffer.from("RIFF\x24\x00\x00\x00WEBPVP8 ", "latin1"), randomBytes(512)]),
  pdf: () => Buffer.from(`%PDF-1.4\n% ${randomBytes(8).toString("hex")}\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n`),
  text: () => Buffer.from(`Hola, the tour guide never came. ¿Qué pasó? ${randomBytes(8).toString("hex")}\n`),
  exe: () => Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00", "latin1"), randomBytes(2048)]),
};

type Upload = { name: string; bytes: Buffer };

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function ticketForm(files: Upload[], fields: Record<string, unknown> = ticketBody()): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, String(value));
  for (const file of files) form.append("attachments", new Blob([new Uint8Array(file.bytes)]), file.name);
  return form;
}

function filesForm(files: Upload[]): FormData {
  return ticketForm(files, {});
}

async function createWithFiles(files: Upload[], fields = ticketBody(), headers: HeadersInit = {}): Promise<TicketJson> {
  const response = await api("/api/support-tickets", { method: "POST", body: ticketForm(files, fields), headers });
  if (response.status !== 201) throw new Error(`create failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as TicketJson;
}

function trackingKeyOf(ticket: TicketJson): string {
  return new URL(ticket.trackingUrl!).searchParams.get("key")!;
}

/** Downloads an attachment the way a browser would, following UploadThing's redirect. */
async function download(fileUrl: string, headers: HeadersInit = auth): Promise<{ response: Response; bytes: Buffer }> {
  const response = await fetch(fileUrl, { headers });
  return { response, bytes: Buffer.from(await response.arrayBuffer()) };
}

/** The keys the storage holds right now. */
async function storedKeys(): Promise<string[]> {
  if (storage === "uploadthing") return (await (await fetch(`${standInURL}/__test/files`)).json()) as string[];
  return readdir(path.join(dataDir, "attachments")).catch(() => []);
}

/** Makes the storage fail after `after` more files have been stored; `repair` undoes it. */
async function breakStorage(after: number): Promise<{ repair: () => Promise<void> }> {
  if (storage === "uploadthing") {
    const failAfter = (value: number | null) =>
      fetch(`${standInURL}/__test/fail-uploads`, { method: "POST", body: JSON.stringify({ after: value }) });
    await failAfter(after);
    return { repair: async () => void (await failAfter(null)) };
  }
  // Local disk: a plain file where the attachments directory should be makes every write fail.
  const directory = path.join(dataDir, "attachments");
  await mkdir(directory, { recursive: true });
  await rename(directory, `${directory}.moved`);
  await writeFile(directory, "not a directory");
  return {
    repair: async () => {
      await rm(directory);
      await rename(`${directory}.moved`, directory);
    },
  };
}

describe(`attachments on ${storage} storage`, () => {
  it("a ticket filed as multipart with one file returns it, and the bytes come back identical", async () => {
    const png = samples.png();
    const ticket = await createWithFiles([{ name: "screenshot.png", bytes: png }]);
    expect(ticket.attachments).toEqual([
      { id: expect.any(Number), fileName: "screenshot.png", fileUrl: `${baseURL}/api/support-tickets/${ticket.id}/attachments/${ticket.attachments[0]!.id}` },
    ]);
    const { response, bytes } = await download(ticket.attachments[0]!.fileUrl);
    expect(response.status).toBe(200);
    expect(sha256(bytes)).toBe(sha256(png));

    const fetched = await api(`/api/support-tickets/${ticket.id}`, { headers: auth });
    expect(((await fetched.json()) as TicketJson).attachments).toEqual(ticket.attachments);
  });

  it("five files of different allowed types are accepted in one ticket", async () => {
    const files = [
      { name: "a.png", bytes: samples.png() },
      { name: "b.jpg", bytes: samples.jpeg() },
      { name: "c.gif", bytes: samples.gif() },
      { name: "d.pdf", bytes: samples.pdf() },
      { name: "e.txt", bytes: samples.text() },
    ];
    const ticket = await createWithFiles(files);
    expect(ticket.attachments.map((a) => a.fileName)).toEqual(["a.png", "b.jpg", "c.gif", "d.pdf", "e.txt"]);
    for (const [index, attachment] of ticket.attachments.entries()) {
      const { bytes } = await download(attachment.fileUrl);
      expect(sha256(bytes)).toBe(sha256(files[index]!.bytes));
    }
  });

  it("a WebP image is accepted and served inline as image/webp", async () => {
    const ticket = await createWithFiles([{ name: "photo.webp", bytes: samples.webp() }]);
    const response = await fetch(ticket.attachments[0]!.fileUrl, { headers: auth, redirect: "manual" });
    expect(response.headers.get("content-disposition")).toMatch(/^inline;/);
    if (storage === "local") expect(response.headers.get("content-type")).toBe("image/webp");
  });

  it("six files are refused with 422 and nothing is created or stored", async () => {
    const fields = ticketBody();
    const before = await storedKeys();
    const files = Array.from({ length: 6 }, (_, i) => ({ name: `shot-${i + 1}.png`, bytes: samples.png() }));
    const response = await api("/api/support-tickets", { method: "POST", body: ticketForm(files, fields) });
    const problem = await expectProblem(response, 422);
    expect(problem.detail).toBe('A ticket can have at most 5 files; "shot-6.png" is one too many');
    expect(await listByEmail(fields.email)).toEqual([]);
    expect(await storedKeys()).toEqual(before);
  });

  it("a file of exactly 10 MB is accepted and one byte more is refused with 413", async () => {
    const exact = samples.png(10 * MB);
    const ticket = await createWithFiles([{ name: "exact.png", bytes: exact }]);
    const { bytes } = await download(ticket.attachments[0]!.fileUrl);
    expect(sha256(bytes)).toBe(sha256(exact));

    const fields = ticketBody();
    const tooLarge = { name: "too-large.png", bytes: samples.png(10 * MB + 1) };
    const response = await api("/api/support-tickets", { method: "POST", body: ticketForm([tooLarge], fields) });
    const problem = await expectProblem(response, 413);
    expect(problem.detail).toBe('"too-large.png" is larger than the 10 MB limit for one file');
    expect(await listByEmail(fields.email)).toEqual([]);
  });

  it("an .exe renamed .png is refused with 415 that names the file and the allowed types", async () => {
    const fields = ticketBody();
    const files = [
      { name: "fine.png", bytes: samples.png() },
      { name: "holiday.png", bytes: samples.exe() },
    ];
    const response = await api("/api/support-tickets", { method: "POST", body: ticketForm(files, fields) });
    const problem = await expectProblem(response, 415);
    expect(problem.detail).toBe(
      '"holiday.png" is not an allowed file type; allowed are PNG, JPEG, GIF, WebP, PDF and plain text',
    );
    expect(await listByEmail(fields.email)).toEqual([]);
  });

  it("../../etc/passwd as a file name is stored as a harmless display name", async () => {
    const text = samples.text();
    const ticket = await createWithFiles([{ name: "../../etc/passwd", bytes: text }]);
    expect(ticket.attachments[0]!.fileName).toBe("passwd.txt");
    const { response, bytes } = await download(ticket.attachments[0]!.fileUrl);
    expect(sha256(bytes)).toBe(sha256(text));
    if (storage === "local") {
      expect(response.headers.get("content-disposition")).toBe(`attachment; filename="passwd.txt"; filename*=UTF-8''passwd.txt`);
      expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });

  it("a download cannot be rendered as a page: nosniff, sandbox CSP, private caching, RFC 6266 name", async () => {
    const ticket = await createWithFiles([{ name: "reçu «mai».pdf", bytes: samples.pdf() }]);
    const response = await fetch(ticket.attachments[0]!.fileUrl, { headers: auth, redirect: "manual" });
    expect(response.status).toBe(storage === "local" ? 200 : 302);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("cache-control")).toMatch(/^private\b/);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="re_u _mai_.pdf"; filename*=UTF-8''re%C3%A7u%20%C2%ABmai%C2%BB.pdf`,
    );
    if (storage === "local") {
      expect(response.headers.get("content-type")).toBe("application/pdf");
    } else {
      const location = new URL(response.headers.get("location")!);
      expect(location.searchParams.get("signature")).toMatch(/^hmac-sha256=[0-9a-f]{64}$/);
      // The file host refuses the link without its signature.
      location.searchParams.delete("signature");
      expect((await fetch(location)).status).toBe(403);
    }
  });

  it("the requester's tracking key downloads the file; no credentials get 401 and a wrong key 404", async () => {
    const png = samples.png();
    const ticket = await createWithFiles([{ name: "mine.png", bytes: png }]);
    const other = await createWithFiles([{ name: "other.png", bytes: samples.png() }]);
    const fileUrl = ticket.attachments[0]!.fileUrl;

    const byKey = await download(`${fileUrl}?key=${trackingKeyOf(ticket)}`, {});
    expect(byKey.response.status).toBe(200);
    expect(sha256(byKey.bytes)).toBe(sha256(png));
    const byHeader = await download(fileUrl, { "x-tracking-key": trackingKeyOf(ticket) });
    expect(sha256(byHeader.bytes)).toBe(sha256(png));

    await expectProblem(await fetch(fileUrl), 401);
    await expectProblem(await fetch(fileUrl, { headers: { authorization: "Bearer not-a-token" } }), 401);
    await expectProblem(await fetch(`${fileUrl}?key=${trackingKeyOf(other)}`), 404);
    await expectProblem(await fetch(`${fileUrl}?key=wrong`), 404);
    // An attachment is only found under its own ticket.
    const elsewhere = `${baseURL}/api/support-tickets/${other.id}/attachments/${ticket.attachments[0]!.id}`;
    await expectProblem(await fetch(`${elsewhere}?key=${trackingKeyOf(other)}`), 404);
  });

  it("files are added to an existing ticket through the private link, within the per-ticket limit", async () => {
    const ticket = await createWithFiles(Array.from({ length: 3 }, (_, i) => ({ name: `${i}.png`, bytes: samples.png() })));
    const key = trackingKeyOf(ticket);
    const text = samples.text();

    const added = await api(`/api/support-tickets/${ticket.id}/attachments?key=${key}`, {
      method: "POST",
      body: filesForm([{ name: "more.txt", bytes: text }]),
    });
    expect(added.status).toBe(200);
    expect(added.headers.get("etag")).toBe('"v2"');
    const updated = (await added.json()) as TicketJson;
    expect(updated.attachments.map((a) => a.fileName)).toEqual(["0.png", "1.png", "2.png", "more.txt"]);
    expect(Date.parse(updated.updatedAt)).toBeGreaterThan(Date.parse(ticket.updatedAt));
    const { bytes } = await download(`${updated.attachments[3]!.fileUrl}?key=${key}`, {});
    expect(sha256(bytes)).toBe(sha256(text));

    const before = await storedKeys();
    const tooMany = await api(`/api/support-tickets/${ticket.id}/attachments`, {
      method: "POST",
      headers: auth,
      body: filesForm([
        { name: "x.png", bytes: samples.png() },
        { name: "y.png", bytes: samples.png() },
      ]),
    });
    const problem = await expectProblem(tooMany, 422);
    expect(problem.detail).toBe(`A ticket can have at most 5 files; ticket ${ticket.id} has 4 and this request adds 2`);
    expect(await storedKeys()).toEqual(before);

    const last = await api(`/api/support-tickets/${ticket.id}/attachments`, {
      method: "POST",
      headers: auth,
      body: filesForm([{ name: "last.png", bytes: samples.png() }]),
    });
    expect(last.status).toBe(200);
    expect(last.headers.get("etag")).toBe('"v3"');
  });

  it("adding files needs access to the ticket and a multipart body", async () => {
    const ticket = await createWithFiles([]);
    const path = `/api/support-tickets/${ticket.id}/attachments`;
    const body = () => filesForm([{ name: "a.png", bytes: samples.png() }]);
    await expectProblem(await api(path, { method: "POST", body: body() }), 401);
    await expectProblem(await api(`${path}?key=wrong`, { method: "POST", body: body() }), 404);
    await expectProblem(await api(`/api/support-tickets/999999/attachments`, { method: "POST", headers: auth, body: body() }), 404);
    await expectProblem(await api(path, { method: "POST", headers: auth, json: { attachments: [] } }), 415);
    const noFiles = await expectProblem(await api(path, { method: "POST", headers: auth, body: filesForm([]) }), 422);
    expect(noFiles.detail).toBe("Attach at least one file");
  });

  it("files in a part not named attachments are refused with 422", async () => {
    const form = ticketForm([]);
    form.append("file", new Blob([new Uint8Array(samples.png())]), "a.png");
    const problem = await expectProblem(await api("/api/support-tickets", { method: "POST", body: form }), 422);
    expect(problem.errors).toEqual([{ path: "file", message: 'Send files in fields named "attachments"' }]);
  });

  it("multipart fields are validated by the same schema as JSON", async () => {
    const fields = ticketBody({ email: "not-an-email", roleContext: "pilot" });
    const problem = await expectProblem(
      await api("/api/support-tickets", { method: "POST", body: ticketForm([{ name: "a.png", bytes: samples.png() }], fields) }),
      422,
    );
    expect(problem.errors?.map((e) => e.path).sort()).toEqual(["email", "roleContext"]);
  });

  it("a multipart ticket without files is filed without attachments", async () => {
    const ticket = await createWithFiles([]);
    expect(ticket.attachments).toEqual([]);
    expect(ticket.status).toBe("open");
  });

  it("an idempotent multipart retry returns the first ticket and stores its files once", async () => {
    const fields = ticketBody();
    const files = [{ name: "once.png", bytes: samples.png() }];
    const headers = { "idempotency-key": `multipart-${Date.now()}-${Math.random()}` };
    const first = await api("/api/support-tickets", { method: "POST", body: ticketForm(files, fields), headers });
    expect(first.status).toBe(201);
    const stored = await storedKeys();
    const retry = await api("/api/support-tickets", { method: "POST", body: ticketForm(files, fields), headers });
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(((await retry.json()) as TicketJson).id).toBe(((await first.json()) as TicketJson).id);
    expect(await storedKeys()).toEqual(stored);
    expect(await listByEmail(fields.email)).toHaveLength(1);

    const otherBytes = [{ name: "once.png", bytes: samples.png() }];
    const reused = await api("/api/support-tickets", { method: "POST", body: ticketForm(otherBytes, fields), headers });
    await expectProblem(reused, 422);
    expect(await storedKeys()).toEqual(stored);
  });

  it("a storage failure part-way through leaves no ticket and no stored files", async () => {
    const fields = ticketBody();
    const before = await storedKeys();
    const broken = await breakStorage(1);
    try {
      const files = [
        { name: "first.png", bytes: samples.png() },
        { name: "second.png", bytes: samples.png() },
      ];
      const response = await api("/api/support-tickets", { method: "POST", body: ticketForm(files, fields) });
      const problem = await expectProblem(response, 503);
      expect(problem.detail).toMatch(/could not be stored just now; nothing was saved/);
    } finally {
      await broken.repair();
    }
    expect(await listByEmail(fields.email)).toEqual([]);
    expect(await storedKeys()).toEqual(before);
  });

  it("a ticket the database refuses after its files were stored leaves no stored files", async () => {
    const fields = ticketBody({ category: "No Such Category" });
    const before = await storedKeys();
    const response = await api("/api/support-tickets", {
      method: "POST",
      body: ticketForm([{ name: "a.png", bytes: samples.png() }, { name: "b.pdf", bytes: samples.pdf() }], fields),
    });
    await expectProblem(response, 422);
    expect(await storedKeys()).toEqual(before);
  });

  it("a 2 GB upload is cut off at the limit instead of being read to the end", async () => {
    const boundary = "cut-off-boundary";
    let sent = 0;
    const chunk = new Uint8Array(MB);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        const head = `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="huge.png"\r\n\r\n`;
        controller.enqueue(new TextEncoder().encode(head));
      },
      pull(controller) {
        if (sent >= 2048 * MB) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${baseURL}/api/support-tickets`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit);
    // The server answers as soon as the file passes 10 MB and stops reading.
    const problem = await expectProblem(response, 413);
    expect(problem.detail).toBe('"huge.png" is larger than the 10 MB limit for one file');
    expect(sent).toBeLessThan(100 * MB);
  });

  it("a client that goes away mid-upload leaves no ticket and no staged or stored files", async () => {
    const fields = ticketBody();
    const before = await storedKeys();
    const boundary = "abandoned-boundary";
    const abort = new AbortController();
    const head = Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join("");
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(`${head}--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="a.png"\r\n\r\n`));
        controller.enqueue(samples.png(3 * MB));
        setTimeout(() => abort.abort(), 300);
      },
    });
    const request = fetch(`${baseURL}/api/support-tickets`, {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
      signal: abort.signal,
    } as RequestInit);
    await expect(request).rejects.toThrow();

    const staging = path.join(dataDir, "attachments-staging");
    const stagedNow = async () => (storage === "local" ? await readdir(staging).catch(() => []) : []);
    for (let waited = 0; (await stagedNow()).length > 0 && waited < 5000; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(await stagedNow()).toEqual([]);
    expect(await listByEmail(fields.email)).toEqual([]);
    expect(await storedKeys()).toEqual(before);
  });
});
