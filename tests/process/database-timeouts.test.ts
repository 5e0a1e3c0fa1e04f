// The PostgreSQL connection's bounds, against a fresh database on the local server (or DATABASE_URL's).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/db/unavailable";
import { connectPostgres } from "@/db/postgres";
import { POSTGRES_SERVER_URL, freshPostgresDatabase } from "../support/test-server";

let database: Awaited<ReturnType<typeof freshPostgresDatabase>>;
beforeAll(async () => {
  database = await freshPostgresDatabase(POSTGRES_SERVER_URL);
});
afterAll(async () => {
  await database?.drop();
});

describe("PostgreSQL statement timeout", () => {
  it("cuts off a statement that runs longer than DATABASE_STATEMENT_TIMEOUT_MS, as a 503, and the next query runs at once", async () => {
    const connection = await connectPostgres(database.url, { poolSize: 2, statementTimeoutMs: 200 });
    try {
      const started = Date.now();
      const error = await connection.db.execute(sql`select pg_sleep(5)`).catch((caught: unknown) => caught);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      await connection.ping(); // a slow statement is not an outage: the breaker stays closed
    } finally {
      await connection.close();
    }
  });

  it("lets statements run as long as they need with 0", async () => {
    const connection = await connectPostgres(database.url, { poolSize: 1, statementTimeoutMs: 0 });
    try {
      await expect(connection.db.execute(sql`select pg_sleep(0.5)`)).resolves.toBeDefined();
    } finally {
      await connection.close();
    }
  });
});
