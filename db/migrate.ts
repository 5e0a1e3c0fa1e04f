import path from "node:path";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Sql } from "postgres";
import type * as schema from "./schema";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");
// Any fixed number: every instance that migrates a PostgreSQL database waits on this lock in turn.
const MIGRATION_LOCK_ID = 727_001;

/** Applies pending migrations, one instance at a time. `client` needs two connections: one holds the lock. */
export async function migratePostgres(client: Sql, db: PostgresJsDatabase<typeof schema>): Promise<void> {
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const lockConnection = await client.reserve();
  try {
    await lockConnection`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await lockConnection`select pg_advisory_unlock(${MIGRATION_LOCK_ID})`;
    lockConnection.release();
  }
}

/** Applies pending migrations to the embedded database (only one process ever holds it). */
export async function migratePglite(db: PgliteDatabase<typeof schema>): Promise<void> {
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
}
