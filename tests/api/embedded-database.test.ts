import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, spawnApp, startTestServer, type TestServer } from "../support/test-server";
import { api } from "./client";

const run = promisify(execFile);

// PGlite has no lock of its own: these prove ours keeps a second process off a data directory in use.
describe("the embedded database is used by one process at a time", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ embedded: true });
  });
  afterAll(async () => {
    await server.stop();
  });

  it("refuses a CLI command while the server holds the data directory, with a clear message", async () => {
    const failure = await run("npm", ["run", "-s", "token:create", "--", "while-running"], { env: server.env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("is in use by another process");
    expect(failure?.stderr).toContain("DATABASE_URL");
  });

  it("refuses to start a second server on the same data directory", async () => {
    const port = await freePort();
    const second = spawnApp({ ...server.env, PORT: String(port), APP_URL: `http://127.0.0.1:${port}` }, port);
    let output = "";
    second.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    second.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => second.once("exit", resolve));
    expect(code).toBe(1);
    expect(output).toContain("The server cannot start");
    expect(output).toContain("is in use by another process");
    // The first server is unharmed.
    expect((await api(`${server.baseURL}/api/health`)).status).toBe(200);
  });
});

describe("creating the embedded database", () => {
  it("starts cleanly after an earlier first start was cut off while creating the database", async () => {
    let dataDir = "";
    const server = await startTestServer({
      embedded: true,
      beforeStart: async (env) => {
        dataDir = env.DATA_DIR!;
        // What a first start killed during initdb leaves: a half-made cluster beside the real place.
        await mkdir(path.join(dataDir, "pglite.creating-4242-0", "base"), { recursive: true });
        await writeFile(path.join(dataDir, "pglite.creating-4242-0", "PG_VERSION"), "18\n");
      },
    });
    try {
      expect((await api(`${server.baseURL}/api/health`)).status).toBe(200);
      expect(existsSync(path.join(dataDir, "pglite", "PG_VERSION"))).toBe(true);
      expect(await readdir(dataDir)).not.toContain("pglite.creating-4242-0");
    } finally {
      await server.stop();
    }
  });
});
