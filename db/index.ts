import "server-only";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { env } from "@/lib/env";
import * as schema from "./schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];

export interface Connection {
  db: Database;
  /** Runs `select 1`; throws when the database cannot answer. */
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

// One connection per process, kept on globalThis so hot reloads and separately bundled
// server entry points (instrumentation, route handlers) share it.
const globalForDb = globalThis as unknown as { kinconectaConnection?: Promise<Connection> };

async function connect(): Promise<Connection> {
  if (env.DATABASE_URL) {
    const { connectPostgres } = await import("./postgres");
    return connectPostgres(env.DATABASE_URL, {
      poolSize: env.DATABASE_POOL_SIZE,
      statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    });
  }
  const { connectPglite } = await import("./pglite");
  return connectPglite(env.DATA_DIR);
}

function connection(): Promise<Connection> {
  globalForDb.kinconectaConnection ??= connect().catch((error: unknown) => {
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

export { isDatabaseUnavailable } from "./unavailable";
export { schema };
