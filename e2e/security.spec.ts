import { expect, test } from "./fixtures";

// These specs read the English pages; e2e/staff-language.spec.ts covers the Spanish desk.
test.use({ locale: "en-US" });

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

test.describe("content security policy", () => {
  test.beforeEach(async ({ page }) => {
    // Playwright's init scripts run outside the page's CSP, so this listener sees every violation.
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window.cspViolations ??= []).push(
          `${event.violatedDirective} blocked ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`,
        );
      });
    });
  });

  async function expectNoViolations(page: import("@playwright/test").Page) {
    expect(await page.evaluate(() => window.cspViolations ?? [])).toEqual([]);
  }

  test("the home page runs under the CSP without a violation", async ({ page }) => {
    const response = await page.goto("/");
    expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
    await expect(page.getByRole("heading", { level: 1, name: "How can we help on your journey?" })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page);
  });

  test("the API reference renders the OpenAPI document without a violation", async ({ page }) => {
    test.setTimeout(60_000); // a 4 MB script to parse on a busy two-core machine
    const response = await page.goto("/docs/api");
    expect(response?.headers()["content-security-policy"]).toContain("'nonce-");
    await expect(page.getByRole("heading", { name: "Kinconecta Support Tickets API" }).first()).toBeVisible();
    await expect(page.getByText("File a ticket").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoViolations(page);
  });
});
