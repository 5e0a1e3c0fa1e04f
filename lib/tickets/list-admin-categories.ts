import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { categories } from "@/db/schema";
import type { AdminCategory } from "./category-schemas";

/** Every category, active or not, in the form's order, with its labels: read fresh for the admin page. */
export async function listAdminCategories(): Promise<AdminCategory[]> {
  const db = await getDb();
  return db
    .select({ name: categories.name, active: categories.active, position: categories.position, labels: categories.labels })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name));
}
