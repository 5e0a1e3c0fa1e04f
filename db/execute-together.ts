import "server-only";
import { sql, type SQLWrapper } from "drizzle-orm";
import type { WithSubquery } from "drizzle-orm/subquery";
import type { Transaction } from "./index";
import { selectRows } from "./select-rows";

type Row = Record<string, unknown>;

/**
 * Runs several writes in one round trip: each but the last as a data-modifying CTE, the last as the statement
 * itself, whose rows (RETURNING) come back. PostgreSQL (and PGlite) runs every data-modifying CTE exactly once
 * whether or not the statement reads it, and all of them see the database as it was before the statement: so
 * the writes must not depend on one another's rows (a history row and an outbox row of one change do not).
 */
export async function executeTogether(tx: Transaction, writes: readonly SQLWrapper[]): Promise<Row[]> {
  if (writes.length === 0) return [];
  // getSQL(): a query builder put in a template as it is comes in parentheses, which a statement cannot start with.
  const ctes = writes.slice(0, -1).map((write, index) => sql`${sql.raw(`write_${index}`)} as (${write.getSQL()})`);
  const last = writes.at(-1)!.getSQL();
  const statement = ctes.length > 0 ? sql`with ${sql.join(ctes, sql`, `)} ${last}` : sql`${last}`;
  return selectRows<Row>(tx, statement);
}

/**
 * The same writes as data-modifying CTEs for a drizzle query of the caller's (`tx.with(...alongside(tx, writes))`),
 * when that query's rows need drizzle's mapping (an UPDATE … RETURNING a ticket). The same rule holds: the writes
 * and the query see the database as it was before the statement.
 */
export function alongside(tx: Transaction, writes: readonly SQLWrapper[]): WithSubquery[] {
  return writes.map((write, index) => tx.$with(`write_${index}`, {}).as(write.getSQL()));
}
