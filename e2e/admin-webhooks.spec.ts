import { expect, test } from "./fixtures";

// The English admin page; e2e/staff-language.spec.ts covers the Spanish desk.
test.use({ locale: "en-US" });

const ENDPOINT_URL = "https://hooks.example.com/kinconecta";

test.describe("webhooks", () => {
  test("an admin registers an endpoint, sees its secret once, pauses, resumes and rotates it, reads its log and deletes it", async ({
    page,
    signInAsStaff,
    axeViolations,
  }) => {
    await signInAsStaff();
    await page.goto("/staff/admin");
    const section = page.getByRole("region", { name: "Webhooks", exact: true });
    await expect(section.getByRole("link", { name: "API reference" })).toHaveAttribute("href", "/docs/api");

    // No event chosen: the API refuses it, and says so at the events. Until React has hydrated the page the
    // form would submit natively (a reload), so try until the page answers.
    await expect(async () => {
      await section.getByLabel("Endpoint URL").fill(ENDPOINT_URL);
      await section.getByRole("button", { name: "Add endpoint" }).click();
      await expect(section.getByRole("alert")).toHaveText("The endpoint was not added: check the marked fields.", { timeout: 2_000 });
    }).toPass();
    await expect(section.getByRole("group", { name: "Events to send" })).toHaveAccessibleDescription("Choose at least one event");

    await section.getByRole("checkbox", { name: "ticket.created", exact: true }).check();
    await section.getByRole("checkbox", { name: "ticket.closed", exact: true }).check();
    await section.getByLabel("Description (optional)").fill("CRM sync");
    await section.getByRole("button", { name: "Add endpoint" }).click();
    // The message's box, not the <output> inside it (a status too).
    const secretShown = section.getByRole("status").filter({ hasText: "signing secret" });
    await expect(secretShown).toContainText(`Endpoint ${ENDPOINT_URL} added.`);
    const secret = (await section.getByLabel("New signing secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);

    const endpoint = section.getByRole("list", { name: "Webhook endpoints" }).getByRole("listitem").filter({ hasText: ENDPOINT_URL });
    await expect(endpoint).toHaveCount(1);
    await expect(endpoint).toContainText("CRM sync");
    await expect(endpoint).toContainText("ticket.created");
    await expect(endpoint).toContainText("ticket.closed");
    await expect(endpoint).not.toContainText("ticket.updated");
    await expect(endpoint).toContainText("Status: Active");
    await expect(endpoint).toContainText("Failed deliveries in a row: 0");
    expect(await axeViolations()).toEqual([]);

    await endpoint.getByRole("button", { name: `Pause ${ENDPOINT_URL}` }).click();
    await expect(endpoint).toContainText("Status: Paused");
    await endpoint.getByRole("button", { name: `Resume ${ENDPOINT_URL}` }).click();
    await expect(endpoint).toContainText("Status: Active");
    await expect(endpoint.getByRole("button", { name: `Pause ${ENDPOINT_URL}` })).toBeVisible();

    await endpoint.getByRole("button", { name: `Rotate secret of ${ENDPOINT_URL}` }).click();
    await expect(secretShown).toContainText(`New signing secret for ${ENDPOINT_URL}.`);
    await expect(secretShown).toContainText("The old secret also signs every delivery until");
    const rotated = (await section.getByLabel("New signing secret").textContent())!;
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);

    const log = endpoint.getByRole("button", { name: `Delivery log of ${ENDPOINT_URL}` });
    await expect(log).toHaveAttribute("aria-expanded", "false");
    await log.click();
    await expect(log).toHaveAttribute("aria-expanded", "true");
    await expect(endpoint.getByText("No deliveries yet.")).toBeVisible();
    expect(await axeViolations()).toEqual([]);

    // Shown once: a fresh page has the endpoint but no secret.
    await page.reload();
    await expect(endpoint).toContainText("Status: Active");
    await expect(section.getByLabel("New signing secret")).toHaveCount(0);

    await endpoint.getByRole("button", { name: `Delete ${ENDPOINT_URL}` }).click();
    const confirm = endpoint.getByRole("group", { name: `Delete ${ENDPOINT_URL}` });
    await expect(confirm).toContainText("its delivery log is deleted too");
    await confirm.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(endpoint).toHaveCount(0);
    const left = (await (await page.request.get("/api/admin/webhooks")).json()) as Array<{ url: string }>;
    expect(left.map((webhook) => webhook.url)).not.toContain(ENDPOINT_URL);
  });

  test("an admin changes an endpoint's URL, events and description, and a refused URL is marked at its field", async ({
    page,
    signInAsStaff,
    axeViolations,
  }) => {
    const before = "https://hooks.example.com/before-edit";
    const after = "https://hooks.example.com/after-edit";
    await signInAsStaff();
    await page.goto("/staff/admin");
    const section = page.getByRole("region", { name: "Webhooks", exact: true });
    await expect(async () => {
      await section.getByLabel("Endpoint URL").fill(before);
      await section.getByRole("checkbox", { name: "ticket.created", exact: true }).check();
      await section.getByLabel("Description (optional)").fill("Old note");
      await section.getByRole("button", { name: "Add endpoint" }).click();
      await expect(section.getByRole("status").filter({ hasText: "signing secret" })).toContainText(before, { timeout: 2_000 });
    }).toPass();

    const endpoints = section.getByRole("list", { name: "Webhook endpoints" });
    await endpoints.getByRole("button", { name: `Edit ${before}` }).click();
    const form = endpoints.getByRole("form", { name: `Edit ${before}` });
    await expect(form.getByLabel("Endpoint URL")).toHaveValue(before);
    await expect(form.getByLabel("Description (optional)")).toHaveValue("Old note");
    await expect(form.getByRole("checkbox", { name: "ticket.created", exact: true })).toBeChecked();
    await expect(form.getByRole("checkbox", { name: "ticket.closed", exact: true })).not.toBeChecked();

    // Not an http(s) URL: the API's reason at the field, and nothing changes.
    await form.getByLabel("Endpoint URL").fill("ftp://hooks.example.com/feed");
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form.getByLabel("Endpoint URL")).toHaveAccessibleDescription("url must be an http:// or https:// URL");
    await expect(form.getByLabel("Endpoint URL")).toHaveAttribute("aria-invalid", "true");
    expect(await axeViolations()).toEqual([]);

    await form.getByLabel("Endpoint URL").fill(after);
    await form.getByLabel("Description (optional)").fill("");
    await form.getByRole("checkbox", { name: "ticket.created", exact: true }).uncheck();
    await form.getByRole("checkbox", { name: "ticket.closed", exact: true }).check();
    await form.getByRole("button", { name: "Save changes" }).click();
    await expect(form).toHaveCount(0);

    const endpoint = endpoints.getByRole("listitem").filter({ hasText: after });
    await expect(endpoint).toContainText("ticket.closed");
    await expect(endpoint).not.toContainText("ticket.created");
    await expect(endpoint).not.toContainText("Old note");
    await expect(endpoints.getByRole("listitem").filter({ hasText: before })).toHaveCount(0);
    const stored = (await (await page.request.get("/api/admin/webhooks")).json()) as Array<{ url: string; description: string; events: string[] }>;
    expect(stored.find((webhook) => webhook.url === after)).toMatchObject({ description: "", events: ["ticket.closed"] });

    // Cancel leaves it as it was.
    await endpoint.getByRole("button", { name: `Edit ${after}` }).click();
    await endpoints.getByRole("form", { name: `Edit ${after}` }).getByLabel("Endpoint URL").fill(before);
    await endpoints.getByRole("form", { name: `Edit ${after}` }).getByRole("button", { name: "Cancel" }).click();
    await expect(endpoint).toContainText(after);

    await endpoint.getByRole("button", { name: `Delete ${after}` }).click();
    await endpoint.getByRole("button", { name: "Yes, delete it" }).click();
    await expect(endpoint).toHaveCount(0);
  });
});
