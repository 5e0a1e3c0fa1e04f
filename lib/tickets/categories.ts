import "server-only";
import { asc, eq } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { categories } from "@/db/schema";
import { validationError } from "@/lib/errors";

export async function listCategories(executor?: Database | Transaction): Promise<string[]> {
  const db = executor ?? (await getDb());
  const rows = await db
    .select({ name: categories.name })
    .from(categories)
    .where(eq(categories.active, true))
    .orderBy(asc(categories.position), asc(categories.name));
  return rows.map((row) => row.name);
}

// Categories change rarely (by migration or by hand in SQL) while every new ticket names one, so the
// active names are remembered for a few seconds and filing a ticket usually costs no query for them.
// A name missing from that set is always checked against the database again, so a new category works at
// once; only a deactivated one may still be accepted for up to ACTIVE_CATEGORIES_TTL_MS.
// On globalThis because each route is bundled separately.
const ACTIVE_CATEGORIES_TTL_MS = 10_000;
const globalForCategories = globalThis as unknown as {
  kinconectaActiveCategories?: { names: ReadonlySet<string>; until: number };
};

/** Throws a 422-style error that names the allowed values when `name` is not an active category. */
export async function assertActiveCategory(name: string, executor: Database | Transaction): Promise<void> {
  const known = globalForCategories.kinconectaActiveCategories;
  if (known && known.until > Date.now() && known.names.has(name)) return;
  const allowed = await listCategories(executor);
  globalForCategories.kinconectaActiveCategories = { names: new Set(allowed), until: Date.now() + ACTIVE_CATEGORIES_TTL_MS };
  if (!allowed.includes(name)) {
    throw validationError("category", `Unknown category "${name}". Allowed: ${allowed.join(", ")}`);
  }
}
