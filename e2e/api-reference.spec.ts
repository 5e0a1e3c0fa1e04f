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
  await page.waitForLoadState("networkidle");

  for (const text of CLOUD_FEATURES) await expect(page.getByText(text, { exact: true })).toHaveCount(0);
  const origin = new URL(baseURL!).origin;
  expect(requested.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  expect(requested.map((url) => new URL(url).pathname)).toEqual(
    expect.arrayContaining(["/docs/api", "/docs/api/scalar.js", "/api/openapi.json"]),
  );
});
