import { expect, test } from "./fixtures";

test("the home page introduces the help desk", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Kinconecta Support" })).toBeVisible();
});
