import { expect, test } from "./fixtures";

// This spec reads the English pages; e2e/public-languages.spec.ts walks the Spanish ones.
test.use({ locale: "en-US" });

test("the home page leads to the ticket form", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "How can we help on your journey?" })).toBeVisible();
  await page.getByRole("link", { name: "Submit a ticket" }).click();
  await expect(page).toHaveURL(/\/support\/new$/);
  await expect(page.getByRole("heading", { level: 1, name: "Submit a ticket" })).toBeVisible();
});
