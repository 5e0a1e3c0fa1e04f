import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { categories } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { AppError } from "@/lib/errors";
import { forgetCategories } from "./categories";
import type { AdminCategory, UpdateCategoryLabelsInput } from "./category-schemas";

/**
 * Replaces the labels given (a language left out keeps its own) with the audit entry in the same transaction,
 * then clears this process's category list so its next form and email show them.
 */
export async function updateCategoryLabels(name: string, input: UpdateCategoryLabelsInput, origin: AuditOrigin): Promise<AdminCategory> {
  const db = await getDb();
  const updated = await db.transaction(async (tx) => {
    const [current] = await tx.select({ labels: categories.labels }).from(categories).where(eq(categories.name, name)).for("update");
    if (!current) throw new AppError("not_found", `Category "${name}" does not exist`);
    const labels = { ...current.labels, ...input.labels };
    const [row] = await tx
      .update(categories)
      .set({ labels })
      .where(eq(categories.name, name))
      .returning({ name: categories.name, active: categories.active, position: categories.position, labels: categories.labels });
    await recordAudit(tx, origin, {
      action: "category.labels_changed",
      target: `category:${name}`,
      detail: { before: current.labels, after: labels },
    });
    return row!;
  });
  forgetCategories();
  return updated;
}
