import "server-only";
import type { SQL } from "drizzle-orm";
import type { Database, Transaction } from "./index";

/** Rows of a raw statement: postgres.js answers an array, PGlite an object with `rows`. */
export async function selectRows<Row>(db: Database | Transaction, statement: SQL): Promise<Row[]> {
  const result = (await db.execute(statement)) as unknown as Row[] | { rows: Row[] };
  return Array.isArray(result) ? result : result.rows;
}
