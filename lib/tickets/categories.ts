import "server-only";
import { asc } from "drizzle-orm";
import { type Database, getDb, type Transaction } from "@/db";
import { categories } from "@/db/schema";
import { validationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";

type CategoryLabels = (typeof categories.$inferSelect)["labels"];
interface CategoryEntry {
  name: string;
  active: boolean;
  labels: CategoryLabels;
}

/** A category as a form or the queue offers it: the stored name (what the API takes) and its label in the reader's language. */
export interface CategoryOption {
  name: string;
  label: string;
}

// Categories change rarely (by migration, by an admin) while every new ticket and email names one, so the
// whole list is remembered for a few seconds and filing a ticket usually costs no query for it. A name missing
// from the active set is always checked against the database again, so a new category works at once; only a
// deactivated one may still be accepted (and an edited label still shown) for up to CATEGORIES_TTL_MS: an admin's
// edit clears this process's list at once (forgetCategories), other instances see it within that time.
// On globalThis because each route is bundled separately.
const CATEGORIES_TTL_MS = 10_000;
const globalForCategories = globalThis as unknown as {
  kinconectaCategories?: { entries: ReadonlyMap<string, CategoryEntry>; until: number };
};

async function loadCategories(executor: Database | Transaction | undefined, fresh: boolean): Promise<ReadonlyMap<string, CategoryEntry>> {
  const known = globalForCategories.kinconectaCategories;
  if (!fresh && known && known.until > Date.now()) return known.entries;
  const db = executor ?? (await getDb());
  const rows = await db
    .select({ name: categories.name, active: categories.active, labels: categories.labels })
    .from(categories)
    .orderBy(asc(categories.position), asc(categories.name));
  const entries = new Map(rows.map((row) => [row.name, row]));
  globalForCategories.kinconectaCategories = { entries, until: Date.now() + CATEGORIES_TTL_MS };
  return entries;
}

/** Drops this process's remembered list, so the next read sees an admin's edit. */
export function forgetCategories(): void {
  globalForCategories.kinconectaCategories = undefined;
}

function labelOf(entry: CategoryEntry | undefined, name: string, locale: Locale): string {
  return entry?.labels[locale] ?? name;
}

/** The active categories' names, in their configured order. */
export async function listCategories(executor?: Database | Transaction): Promise<string[]> {
  const entries = await loadCategories(executor, true);
  return [...entries.values()].filter((entry) => entry.active).map((entry) => entry.name);
}

/** The active categories with their labels in `locale` (the stored name where an admin gave none). */
export async function listCategoryOptions(locale: Locale, executor?: Database | Transaction): Promise<CategoryOption[]> {
  const entries = await loadCategories(executor, false);
  return [...entries.values()].filter((entry) => entry.active).map((entry) => ({ name: entry.name, label: labelOf(entry, entry.name, locale) }));
}

/** What a reader of `locale` calls the category `name` (inactive ones too: old tickets keep theirs). */
export async function categoryLabel(name: string, locale: Locale, executor?: Database | Transaction): Promise<string> {
  return labelOf((await loadCategories(executor, false)).get(name), name, locale);
}

/** Every category's label in `locale` by its stored name (inactive ones too), for pages that show many tickets. */
export async function categoryLabels(locale: Locale): Promise<Record<string, string>> {
  const entries = await loadCategories(undefined, false);
  return Object.fromEntries([...entries.values()].map((entry) => [entry.name, labelOf(entry, entry.name, locale)]));
}

/** Throws a 422-style error that names the allowed values when `name` is not an active category. */
export async function assertActiveCategory(name: string, executor: Database | Transaction): Promise<void> {
  if ((await loadCategories(executor, false)).get(name)?.active) return;
  const allowed = await listCategories(executor);
  if (!allowed.includes(name)) {
    throw validationError("category", `Unknown category "${name}". Allowed: ${allowed.join(", ")}`, "unknown_category");
  }
}
