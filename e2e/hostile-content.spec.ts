import type { Page } from "@playwright/test";
import { expect, test, uniqueEmail } from "./fixtures";

// This spec reads the English pages; e2e/public-languages.spec.ts walks the Spanish ones.
test.use({ locale: "en-US" });

// Requester text is shown to agents and to the requester: script in it must stay text everywhere.
const PAYLOADS = {
  fullName: `<img src=x onerror="window.__xss='fullName'">`,
  subject: `<script>window.__xss='subject'</script>'; DROP TABLE tickets;--`,
  message: `"><svg onload="window.__xss='message'"></svg><a href="javascript:window.__xss='link'">click</a>`,
};

async function expectInert(page: Page) {
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
}

test("script in a ticket's fields runs nowhere: tracking page, staff queue and ticket view", async ({
  page,
  request,
  signInAsStaff,
}) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const email = uniqueEmail("xss");
  const response = await request.post("/api/support-tickets", {
    data: { roleContext: "tourist", email, category: "Technical Issue", ...PAYLOADS },
  });
  expect(response.status()).toBe(201);
  const { id, trackingUrl } = (await response.json()) as { id: number; trackingUrl: string };

  await page.goto(trackingUrl);
  await expect(page.getByText(PAYLOADS.message)).toBeVisible();
  await expectInert(page);

  await signInAsStaff();
  await page.goto(`/staff?q=${encodeURIComponent("DROP TABLE")}`);
  await expect(page.getByRole("link", { name: PAYLOADS.subject })).toBeVisible();
  await expectInert(page);

  await page.goto(`/staff/tickets/${id}`);
  await expect(page.getByText(PAYLOADS.fullName).first()).toBeVisible();
  await expect(page.getByText(PAYLOADS.message)).toBeVisible();
  await expectInert(page);
  expect(dialogs).toEqual([]);
});
