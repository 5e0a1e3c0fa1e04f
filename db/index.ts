import "server-only";
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { readdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { lockDataDirectory } from "./lock";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

interface Connection {
  db: Database;
  /** Runs `select 1`; throws when the database cannot answer. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
// Any fixed number: every instance that migrates a PostgreSQL database waits on this lock in turn.
const MIGRATION_LOCK_ID = 727_001;

async function connectPostgres(url: string): Promise<Connection> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  // A short connect timeout lets requests fail fast with 503 while the database is down; the driver
  // reconnects on its own when it is back.
  const client = postgres(url, { max: env.DATABASE_POOL_SIZE, connect_timeout: 5, onnotice: () => {} });
  const db = drizzle(preparingStatements(client), { schema, casing: "snake_case" });

  const lockConnection = await client.reserve();
  try {
    await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    lockConnection.release();
  }

  return {
    db: db as unknown as Database,
    ping: async () => void (await client`select 1`),
    close: () => client.end({ timeout: 5 }),
  };
}

type PostgresClient = import("postgres").Sql | import("postgres").TransactionSql;

/**
 * drizzle's postgres-js driver sends each query as an unnamed statement, which PostgreSQL parses and
 * plans again every time, unless the query was built with `.prepare()`. postgres-js keeps named
 * statements per connection, keyed by their SQL text, and ours are a small fixed set (values are always
 * parameters), so this client prepares every statement, in transactions too. On 2 cores, where the
 * database shares the CPU with the app, that is a third more requests per second (bench/README.md).
 * `?prepare=false` in DATABASE_URL turns it off (for poolers that cannot keep named statements).
 */
function preparingStatements<Client extends PostgresClient>(client: Client): Client {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property === "unsafe") {
        return (query: string, parameters?: never[], options?: object) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: PostgresClient) => unknown;
          return (value as (...args: unknown[]) => unknown).call(target, ...args, (inner: PostgresClient) =>
            callback(preparingStatements(inner)),
          );
        };
      }
      return value.bind(target);
    },
  });
}

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

async function connectPglite(dataDir: string): Promise<Connection> {
  const directory = path.resolve(dataDir, "pglite");
  mkdirSync(directory, { recursive: true });
  const unlock = await lockDataDirectory(directory);

  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await createPgliteCluster(directory);
    const client = await PGlite.create(directory, { startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMETERS] });
    const db = drizzle(client, { schema, casing: "snake_case" });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
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

// One connection per process, kept on globalThis so hot reloads and separately bundled
// server entry points (instrumentation, route handlers) share it.
const globalForDb = globalThis as unknown as { kinconectaConnection?: Promise<Connection> };

function connection(): Promise<Connection> {
  globalForDb.kinconectaConnection ??= (
    env.DATABASE_URL ? connectPostgres(env.DATABASE_URL) : connectPglite(env.DATA_DIR)
  ).catch((error: unknown) => {
    globalForDb.kinconectaConnection = undefined;
    throw error;
  });
  return globalForDb.kinconectaConnection;
}

/** The database, connected and migrated on first use. */
export async function getDb(): Promise<Database> {
  return (await connection()).db;
}

export async function pingDb(): Promise<void> {
  await (await connection()).ping();
}

export async function closeDb(): Promise<void> {
  const pending = globalForDb.kinconectaConnection;
  globalForDb.kinconectaConnection = undefined;
  if (pending) await (await pending).close();
}

const UNAVAILABLE_CODES = new Set([
  // postgres driver: the connection could not be made or was lost
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  // PostgreSQL: shutting down, starting up, too many connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** Whether an error means "the database cannot be reached right now" (a 503, not a bug). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
  }
  return false;
}

export { schema };
