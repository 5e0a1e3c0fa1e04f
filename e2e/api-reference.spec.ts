import { expect, test } from "./fixtures";

test.use({ locale: "en-US" });

// Scalar's cloud features (each sends the API description to scalar.com), which app/docs/api/route.ts turns off.
const CLOUD_FEATURES = ["Ask AI", "Generate MCP", "Connect MCP", "Developer Tools", "Configure", "Share", "Deploy", "Open API Client"];

test("the API reference shows the operations with nothing but this app's own requests and no cloud buttons", async ({
  page,
  baseURL,
}) => {
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));

  await page.goto("/docs/api");
  await expect(page.getByRole("heading", { level: 1, name: "Kinconecta Support Tickets API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Support tickets", exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "List tickets", exact: true })).toBeVisible();
  // Scalar has taken the outline's place.
  await expect(page.getByRole("main").filter({ hasText: "POST /api/support-tickets File a ticket" })).toHaveCount(0);
  await page.waitForLoadState("networkidle");

  for (const text of CLOUD_FEATURES) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
  const origin = new URL(baseURL!).origin;
  expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(requested.map((url) => new URL(url).pathname)).toEqual(
    expect.arrayContaining(["/docs/api", "/docs/api/scalar/standalone.esm.js", "/api/openapi.json"]),
  );
});

test("the API reference is readable before its script runs, and without JavaScript", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto("/docs/api");
  const outline = page.getByRole("main");
  await expect(outline.getByRole("heading", { level: 1, name: "Kinconecta Support Tickets API" })).toBeVisible();
  await expect(outline.getByRole("listitem").filter({ hasText: "/api/support-tickets/{id}" }).first()).toBeVisible();
  await expect(outline.getByRole("listitem").filter({ hasText: "POST /api/support-tickets File a ticket" })).toHaveCount(1);
  await expect(outline.getByRole("region", { name: "Webhook events" })).toContainText("ticket.message.created");
  await context.close();
});
