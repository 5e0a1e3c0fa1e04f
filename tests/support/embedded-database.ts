// Domain tests run the app's own modules in the test process, on an embedded database of their own.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

/**
 * Points the app at a fresh PGlite data directory (plus `env`), prepares it as a server would (database,
 * app secret) before the file's tests, and closes and removes it after them. Call it before importing any app module: lib/env.ts
 * reads the environment once, at its first import. Returns the data directory.
 */
export async function setUpEmbeddedDatabase(name: string, env: Record<string, string> = {}): Promise<string> {
  const dataDir = await mkdtemp(path.join(tmpdir(), `kinconecta-${name}-`));
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URL: "", ...env });
  beforeAll(async () => {
    const { prepareProcess } = await import("@/lib/server/prepare-process");
    await prepareProcess();
  }, 60_000);
  afterAll(async () => {
    const { closeDb } = await import("@/db");
    await closeDb();
    await rm(dataDir, { recursive: true, force: true });
  });
  return dataDir;
}
