import "server-only";
import { and, asc, eq } from "drizzle-orm";
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

/** Throws a 422-style error that names the allowed values when `name` is not an active category. */
export async function assertActiveCategory(name: string, executor: Database | Transaction): Promise<void> {
  const [row] = await executor
    .select({ name: categories.name })
    .from(categories)
    .where(and(eq(categories.name, name), eq(categories.active, true)))
    .limit(1);
  if (row) return;
  const allowed = await listCategories(executor);
  throw validationError("category", `Unknown category "${name}". Allowed: ${allowed.join(", ")}`);
}
