// Which categories a ticket may name, on a real embedded database: the active set is remembered for a
// few seconds (lib/tickets/categories.ts), and these pin down what that may and may not change.
import { afterEach, describe, expect, it, vi } from "vitest";
import { setUpEmbeddedDatabase } from "@/tests/support/embedded-database";

await setUpEmbeddedDatabase("categories");
const { eq } = await import("drizzle-orm");
const { getDb } = await import("@/db");
const { categories } = await import("@/db/schema");
const { assertActiveCategory } = await import("./categories");

afterEach(() => vi.useRealTimers());

describe("active categories", () => {
  it("accept a category added in SQL at once, and name the allowed ones for an unknown one", async () => {
    const db = await getDb();
    await assertActiveCategory("Billing", db);
    await db.insert(categories).values({ name: "Visas", position: 9 });
    await expect(assertActiveCategory("Visas", db)).resolves.toBeUndefined();
    await expect(assertActiveCategory("Lost luggage", db)).rejects.toThrow(/^Unknown category "Lost luggage"\. Allowed: .*Billing.*Visas/);
  });

  it("may accept a deactivated category for up to 10 s, and not after", async () => {
    const db = await getDb();
    await assertActiveCategory("General Inquiry", db);
    await db.update(categories).set({ active: false }).where(eq(categories.name, "General Inquiry"));
    try {
      await expect(assertActiveCategory("General Inquiry", db)).resolves.toBeUndefined();
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(Date.now() + 10_001);
      await expect(assertActiveCategory("General Inquiry", db)).rejects.toThrow('Unknown category "General Inquiry"');
    } finally {
      await db.update(categories).set({ active: true }).where(eq(categories.name, "General Inquiry"));
    }
  });
});
