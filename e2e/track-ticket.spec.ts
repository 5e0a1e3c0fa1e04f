import { type APIRequestContext } from "@playwright/test";
import { expect, PNG_FILE, test, uniqueEmail } from "./fixtures";

// This spec reads the English pages; e2e/public-languages.spec.ts walks the Spanish ones.
test.use({ locale: "en-US" });

async function fileTicket(request: APIRequestContext): Promise<{ id: number; trackingUrl: string }> {
  const response = await request.post("/api/support-tickets", {
    data: {
      roleContext: "guide",
      fullName: "Carlos Rodriguez",
      email: uniqueEmail("tracking"),
      subject: "Profile photo upload issue",
      category: "Account Problems",
      message: "Cannot upload my profile photo.\nGetting an error message.",
    },
  });
  expect(response.status()).toBe(201);
  return response.json();
}

test("the private link shows the ticket's status, message and history", async ({ page, request }) => {
  const { id, trackingUrl } = await fileTicket(request);
  const moved = await request.patch(`/api/support-tickets/${id}`, {
    headers: { authorization: `Bearer ${process.env.API_TOKEN}` },
    data: { status: "in_progress" },
  });
  expect(moved.status()).toBe(200);

  const response = await page.goto(trackingUrl);
  expect(response!.headers()["cache-control"] ?? "").not.toContain("public");
  await expect(page.getByRole("heading", { level: 1, name: `Ticket #${id}` })).toBeVisible();
  await expect(page.locator('meta[name="referrer"]')).toHaveAttribute("content", "same-origin");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex, nofollow");

  const steps = page.getByRole("list", { name: "Progress" });
  await expect(steps.getByRole("listitem")).toHaveText([/^Open \(done\)/, /^In progress \(current\)/, /^Resolved/, /^Closed/]);
  await expect(steps.locator('[aria-current="step"]')).toContainText("In progress");
  await expect(page.getByText("Getting an error message.")).toBeVisible();
  const history = page.getByRole("region", { name: "History" });
  // The email worker may already have sent the two notices; their entries follow the changes.
  const changes = history.getByRole("listitem").filter({ hasNotText: "Email sent" });
  await expect(changes).toHaveText([/^Ticket filed\s*You/, /^Open → In progress\s*Kinconecta/]);
});

test("a guessed id, a wrong key or no key finds nothing", async ({ page, request }) => {
  const { id, trackingUrl } = await fileTicket(request);
  const key = new URL(trackingUrl).searchParams.get("key")!;
  const other = await fileTicket(request);
  for (const path of [
    `/support/tickets/${id}`,
    `/support/tickets/${id}?key=${key.slice(0, -1)}${key.endsWith("A") ? "B" : "A"}`,
    `/support/tickets/${id}?key=`,
    `/support/tickets/${other.id}?key=${key}`,
    `/support/tickets/999999?key=${key}`,
    `/support/tickets/abc?key=${key}`,
  ]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(404);
    await expect(page.getByText("Profile photo upload issue")).toHaveCount(0);
  }
});

test("the requester adds a screenshot from the tracking page", async ({ page, request }) => {
  const { id, trackingUrl } = await fileTicket(request);
  await page.goto(trackingUrl);
  await expect(page.getByText("No files yet.")).toBeVisible();
  await page.getByLabel("Add files").setInputFiles(PNG_FILE);
  await page.getByRole("button", { name: "Upload files" }).click();
  await expect(page.getByText("1 file added.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Files" }).getByRole("link", { name: "screenshot.png" }).locator("img")).toHaveJSProperty("naturalWidth", 1);
  await expect(page.getByRole("region", { name: "History" })).toContainText("Attachment added: screenshot.png");

  const ticket = await request.get(`/api/support-tickets/${id}`, { headers: { authorization: `Bearer ${process.env.API_TOKEN}` } });
  expect((await ticket.json()).attachments).toHaveLength(1);
});
