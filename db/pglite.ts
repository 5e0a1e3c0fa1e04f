import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Connection, Database } from "./index";
import { lockDataDirectory } from "./lock";
import { migratePglite } from "./migrate";
import * as schema from "./schema";

// PGlite's default shared_buffers (128 MB) lives inside its WebAssembly memory, which never shrinks;
// the operating system's page cache still holds the data files, so a smaller buffer pool costs little.
// A start parameter, not PGlite's `postgresqlconf` option, which would replace initdb's postgresql.conf.
const PGLITE_START_PARAMETERS = ["-c", "shared_buffers=32MB"];
const CREATION_TIMEOUT_MS = 5 * 60_000;

/**
 * Creating a PGlite database runs initdb in a second WebAssembly instance, which leaves the process that
 * ran it about 500 MB larger until V8 happens to collect it. So a fresh data directory is created by a
 * short-lived child process, in a sibling directory of its own that is moved into place when complete;
 * what an interrupted creation left behind is removed first. This process only ever opens it.
 */
async function createPgliteCluster(directory: string): Promise<void> {
  if (existsSync(path.join(directory, "PG_VERSION"))) return;
  const parent = path.dirname(directory);
  const stagingPrefix = `${path.basename(directory)}.creating-`;
  for (const leftover of (await readdir(parent)).filter((name) => name.startsWith(stagingPrefix))) {
    await rm(path.join(parent, leftover), { recursive: true, force: true });
  }
  // Its own name, so a child orphaned by a killed server can never write into this attempt's directory.
  const staging = path.join(parent, `${stagingPrefix}${process.pid}-${randomUUID()}`);
  const script = 'const { PGlite } = await import("@electric-sql/pglite"); await (await PGlite.create(process.argv[1])).close();';
  try {
    await promisify(execFile)(process.execPath, ["--input-type=module", "--eval", script, staging], {
      cwd: process.cwd(),
      timeout: CREATION_TIMEOUT_MS,
    });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    // stderr quotes PGlite's minified source around the error; its "Error: …" line is what explains it.
    const stderr = (error as { stderr?: string }).stderr ?? "";
    const reason = stderr.split("\n").find((line) => /^\w*Error\b/.test(line)) ?? String(error);
    throw new Error(`Could not create the embedded database in ${directory}: ${reason}`);
  }
  await rename(staging, directory);
}

/** The embedded database under DATA_DIR/pglite, created on first use, locked to this process and migrated. */
export async function connectPglite(dataDir: string): Promise<Connection> {
  const directory = path.resolve(dataDir, "pglite");
  mkdirSync(directory, { recursive: true });
  const unlock = await lockDataDirectory(directory);

  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    await createPgliteCluster(directory);
    const client = await PGlite.create(directory, { startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMETERS] });
    const db = drizzle(client, { schema, casing: "snake_case" });
    await migratePglite(db);
    return {
      db: db as unknown as Database,
      ping: async () => void (await client.query("select 1")),
      close: async () => {
        await client.close();
        await unlock();
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
