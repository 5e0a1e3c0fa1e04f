import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { type MultipartLimits, readMultipart } from "./multipart";

let stagingDir: string;
beforeEach(async () => {
  stagingDir = await mkdtemp(path.join(tmpdir(), "multipart-"));
});
afterEach(() => rm(stagingDir, { recursive: true, force: true }));

function upload(form: FormData): Request {
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

function form(files: { field: string; name: string }[]): FormData {
  const body = new FormData();
  body.append("subject", "Lost booking");
  for (const file of files) body.append(file.field, new Blob([new Uint8Array(2048).fill(7)]), file.name);
  return body;
}

const limits = (): MultipartLimits => ({ fileField: "attachments", maxFiles: 2, maxFileBytes: 4096, maxTotalFileBytes: 8192, stagingDir });

/** Runs the ticks in which the streams a refusal tears down emit their errors, so an unhandled one surfaces here. */
const afterPendingTicks = () => new Promise((resolve) => setImmediate(resolve));

describe("readMultipart", () => {
  it("stages the files and keeps the text fields", async () => {
    const parsed = await readMultipart(upload(form([{ field: "attachments", name: "a.png" }])), limits());
    expect(parsed.fields).toEqual({ subject: "Lost booking" });
    expect(parsed.files.map((file) => [file.fileName, file.size])).toEqual([["a.png", 2048]]);
    await parsed.discard();
    expect(await readdir(stagingDir)).toEqual([]);
  });

  it.each([
    {
      what: "one file too many",
      files: ["a.png", "b.png", "c.png", "d.png"].map((name) => ({ field: "attachments", name })),
      detail: 'A ticket can have at most 2 files; "c.png" is one too many',
    },
    {
      what: "a file in another field",
      files: [{ field: "photo", name: "a.png" }, { field: "attachments", name: "b.png" }],
      detail: 'Send files in fields named "attachments"',
    },
  ])("refuses $what with the refusal alone, and stages nothing", async ({ files, detail }) => {
    const errors: unknown[] = [];
    const record = (error: unknown) => errors.push(error);
    process.on("uncaughtException", record);
    try {
      const refusal = await readMultipart(upload(form(files)), limits()).catch((error: unknown) => error);
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).message).toBe(detail);
      await afterPendingTicks();
      expect(errors).toEqual([]);
      expect(await readdir(stagingDir)).toEqual([]);
    } finally {
      process.off("uncaughtException", record);
    }
  });
});
