import { expect, test } from "./fixtures";

test.use({ locale: "en-US" });

// Specs run one at a time, so between two readings of the report only this test files tickets.
test("an agent reads the report, sees new tickets counted, compares categories and downloads the CSV", async ({
  page,
  signInAsStaff,
  createTicket,
  axeViolations,
}) => {
  await signInAsStaff();
  await page.goto("/staff");
  await page.getByRole("navigation").getByRole("link", { name: "Reports" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Reports" })).toBeVisible();

  const keyFigures = page.getByRole("region", { name: "Key figures" });
  const created = keyFigures.locator("div").filter({ has: page.getByText("Tickets created", { exact: true }) }).locator("dd").first();
  const before = Number(await created.textContent());
  await createTicket({ category: "Billing" });
  await createTicket({ category: "Technical Issue", roleContext: "tourist" });
  await page.reload();
  await expect(created).toHaveText(String(before + 2));

  // Three charts, each a picture of the table after it.
  await expect(page.locator("figure .recharts-wrapper")).toHaveCount(3);
  await expect(page.getByRole("figure", { name: "Created and closed per day" })).toBeVisible();
  await page.getByText("Tickets per day: created, closed and the backlog at the end of the day, as a table").click();
  const daily = page.getByRole("table", { name: "Tickets per day: created, closed and the backlog at the end of the day" });
  await expect(daily.getByRole("columnheader", { name: "Open at day's end" })).toBeVisible();
  expect(await axeViolations()).toEqual([]);

  // Choosing a comparison applies at once.
  await page.getByLabel("Compare by").selectOption("category");
  await expect(page).toHaveURL(/groupBy=category/);
  const groups = page.getByRole("table", { name: "By Category" });
  await expect(groups.getByRole("rowheader", { name: "Billing" })).toBeVisible();
  await expect(groups.getByRole("rowheader", { name: "Technical issue" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/staff-reports.png", fullPage: true });

  const csv = page.getByRole("link", { name: "Download the tickets (CSV)" });
  const download = await page.request.get((await csv.getAttribute("href"))!);
  expect(download.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const lines = (await download.text()).trim().split(/\r?\n/);
  expect(lines[0]).toBe("id,createdAt,status,category,roleContext,locale,channel,priority,firstReplyHours,resolutionHours,breached,rating,firstReplyBusinessHours,resolutionBusinessHours");
  expect(lines.length).toBeGreaterThanOrEqual(before + 3);

  // A range that ends before it starts is refused at the field, and shows no figures.
  await page.getByLabel("From").fill("2026-12-10");
  await page.getByLabel("To").fill("2026-12-01");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByLabel("To")).toHaveAccessibleDescription("to cannot be earlier than from");
  await expect(keyFigures).toHaveCount(0);
});
