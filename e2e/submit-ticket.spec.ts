import { expect, fillTicketForm, PNG_FILE, test, TEXT_FILE, uniqueEmail } from "./fixtures";

// This spec reads the English pages; e2e/public-languages.spec.ts walks the Spanish ones.
test.use({ locale: "en-US" });

for (const role of ["Tourist", "Guide"] as const) {
  test(`a ${role.toLowerCase()} files a ticket with two attachments and follows it on the tracking page`, async ({
    page,
    ticketsByEmail,
  }) => {
    const email = uniqueEmail(role.toLowerCase());
    await page.goto("/support/new");
    await fillTicketForm(page, { role, email, subject: `${role} cannot pay` });
    await page.getByLabel("Attachments").setInputFiles([PNG_FILE, TEXT_FILE]);
    const files = page.getByRole("list", { name: "Files to upload" });
    await expect(files.getByRole("listitem")).toHaveCount(2);
    await expect(files).toContainText("screenshot.png");
    await expect(files).toContainText("booking-log.txt");
    await page.getByRole("button", { name: "Submit ticket" }).click();

    const heading = page.getByRole("heading", { name: /^Ticket #\d+$/ });
    await expect(heading).toBeVisible();
    await expect(heading).toBeFocused();
    const id = Number((await heading.textContent())!.replace("Ticket #", ""));
    await expect(page.getByText(`${role} cannot pay`)).toBeVisible();

    const [ticket, ...others] = await ticketsByEmail(email);
    expect(others).toHaveLength(0);
    expect(ticket).toMatchObject({ id, roleContext: role.toLowerCase(), subject: `${role} cannot pay`, status: "open" });
    expect(ticket!.attachments.map((file) => file.fileName)).toEqual(["screenshot.png", "booking-log.txt"]);

    await page.getByRole("link", { name: `Track ticket #${id}` }).click();
    await expect(page).toHaveURL(new RegExp(`/support/tickets/${id}\\?key=`));
    await expect(page.getByRole("heading", { level: 1, name: `Ticket #${id}` })).toBeVisible();
    await expect(page.getByRole("region", { name: "Files" }).getByRole("link", { name: "screenshot.png" }).locator("img")).toHaveJSProperty("naturalWidth", 1);
    await expect(page.getByRole("region", { name: "Files" }).getByRole("link", { name: /booking-log\.txt/ })).toBeVisible();
  });
}

test("every validation message appears next to its field and no ticket is created", async ({ page, ticketsByEmail }) => {
  await page.goto("/support/new");
  await page.getByRole("button", { name: "Submit ticket" }).click();

  const expected: Array<[string, string]> = [
    ["Full name", "Full name is required"],
    ["Email", "Enter a valid email address"],
    ["Category", "Category is required"],
    ["Subject", "Subject is required"],
    ["Message", "Message is required"],
  ];
  for (const [label, message] of expected) {
    const field = page.getByLabel(label, { exact: true });
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(field).toHaveAccessibleDescription(new RegExp(message));
  }
  const roles = page.getByRole("radiogroup", { name: "I am a…" });
  await expect(roles).toHaveAttribute("aria-invalid", "true");
  await expect(roles).toHaveAccessibleDescription('Choose "tourist" or "guide"');
  await expect(page.getByRole("radio", { name: "Tourist" })).toBeFocused();

  // On blur, before any submit: a bad address and an over-long subject.
  await page.reload();
  const email = uniqueEmail("invalid");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Subject").fill("x".repeat(201));
  await page.getByLabel("Message").focus();
  await expect(page.getByLabel("Email")).toHaveAccessibleDescription("Enter a valid email address");
  await expect(page.getByLabel("Subject")).toHaveAccessibleDescription("Subject must be at most 200 characters");
  await page.getByLabel("Email").fill(email);
  await expect(page.getByLabel("Email")).not.toHaveAttribute("aria-invalid");

  // Files the server would refuse are refused before any upload.
  await page.getByLabel("Attachments").setInputFiles([
    { name: "setup.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") },
    { name: "huge.png", mimeType: "image/png", buffer: Buffer.alloc(10 * 1024 * 1024 + 1) },
  ]);
  await expect(page.getByLabel("Attachments")).toHaveAccessibleDescription(
    /"setup\.exe" cannot be attached: allowed are PNG, JPEG, GIF, WebP, PDF, and plain text.*"huge\.png" is larger than 10 MB, the limit for one file/,
  );
  await expect(page.getByRole("list", { name: "Files to upload" })).toHaveCount(0);

  await fillTicketForm(page, { email, subject: "x".repeat(201) });
  await page.getByRole("button", { name: "Submit ticket" }).click();
  await expect(page.getByLabel("Subject")).toBeFocused();
  await expect(page.getByLabel("Subject")).toHaveAccessibleDescription("Subject must be at most 200 characters");
  expect(await ticketsByEmail(email)).toEqual([]);
});

test("a field error from the server lands on its field, said in the page's language by its code", async ({ page }) => {
  await page.route("**/api/support-tickets", (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/problem+json",
      body: JSON.stringify({
        type: "/problems/validation_failed",
        title: "Validation failed",
        status: 422,
        detail: "email: This address does not accept mail",
        errors: [{ path: "email", message: "This address does not accept mail", code: "invalid_email" }],
      }),
    }),
  );
  await page.goto("/support/new");
  await fillTicketForm(page, { email: uniqueEmail("server-422") });
  await page.getByRole("button", { name: "Submit ticket" }).click();
  const email = page.getByLabel("Email");
  await expect(email).toHaveAccessibleDescription("Enter a valid email address");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toBeFocused();
  await expect(page.getByLabel("Message")).toHaveValue(/payment keeps failing/);
});

test("a server 422 from the real API names the unknown category on its field", async ({ page, ticketsByEmail }) => {
  // A category retired after the page was loaded: only the server knows.
  await page.goto("/support/new");
  const email = uniqueEmail("retired-category");
  await fillTicketForm(page, { email });
  await page.getByLabel("Category").evaluate((select: HTMLSelectElement) => {
    select.options[2]!.value = "Lost Luggage";
  });
  await page.getByLabel("Category").selectOption({ index: 2 });
  await page.getByRole("button", { name: "Submit ticket" }).click();
  await expect(page.getByLabel("Category")).toHaveAccessibleDescription(
    "This category is no longer offered. Choose one of: Booking issues, Account problems, General inquiry, Technical issue, Billing",
  );
  expect(await ticketsByEmail(email)).toEqual([]);
});

test("a file the server refuses by its content is named on the Attachments field", async ({ page, ticketsByEmail }) => {
  const email = uniqueEmail("bad-content");
  await page.goto("/support/new");
  await fillTicketForm(page, { email });
  // Named like a PNG, but its bytes are neither an image nor text: only the server's content check can tell.
  await page.getByLabel("Attachments").setInputFiles({ name: "fake.png", mimeType: "image/png", buffer: Buffer.from([0, 1, 2, 3]) });
  await page.getByRole("button", { name: "Submit ticket" }).click();
  await expect(page.getByLabel("Attachments")).toHaveAccessibleDescription(/One of these files cannot be attached: allowed are PNG/);
  await expect(page.getByRole("list", { name: "Files to upload" })).toContainText("fake.png");
  expect(await ticketsByEmail(email)).toEqual([]);
});

test("a double click files exactly one ticket", async ({ page, ticketsByEmail }) => {
  const email = uniqueEmail("double");
  await page.goto("/support/new");
  await fillTicketForm(page, { email });
  await page.getByRole("button", { name: "Submit ticket" }).dblclick();
  await expect(page.getByRole("heading", { name: /^Ticket #\d+$/ })).toBeVisible();
  expect(await ticketsByEmail(email)).toHaveLength(1);
});

test("a retry after a dropped connection gets the same ticket, not a second one", async ({ page, ticketsByEmail }) => {
  const email = uniqueEmail("dropped");
  const keys: string[] = [];
  let first = true;
  await page.route("**/api/support-tickets", async (route) => {
    keys.push(route.request().headers()["idempotency-key"]!);
    if (!first) return route.continue();
    first = false;
    await route.fetch(); // the server files the ticket…
    await route.abort("connectionreset"); // …but its answer never arrives
  });
  await page.goto("/support/new");
  await fillTicketForm(page, { email });
  await page.getByRole("button", { name: "Submit ticket" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "it will not create a second ticket" })).toBeVisible();
  await page.getByRole("button", { name: "Submit ticket" }).click();

  const heading = page.getByRole("heading", { name: /^Ticket #\d+$/ });
  await expect(heading).toBeVisible();
  const tickets = await ticketsByEmail(email);
  expect(tickets).toHaveLength(1);
  await expect(heading).toHaveText(`Ticket #${tickets[0]!.id}`);
  expect(keys).toHaveLength(2);
  expect(keys[0]).toMatch(/^[\w-]{32,}$/);
  expect(keys[1]).toBe(keys[0]);
});

test("the draft survives a reload and is cleared once the ticket is filed", async ({ page }) => {
  await page.goto("/support/new");
  await page.getByRole("radio", { name: "Guide" }).check();
  await page.getByLabel("Full name").fill("Carlos Rodriguez");
  await page.getByLabel("Category").selectOption("Account Problems");
  await page.getByLabel("Message").fill("Cannot upload my profile photo.");
  await page.reload();
  await expect(page.getByRole("radio", { name: "Guide" })).toBeChecked();
  await expect(page.getByLabel("Full name")).toHaveValue("Carlos Rodriguez");
  await expect(page.getByLabel("Category")).toHaveValue("Account Problems");
  await expect(page.getByLabel("Message")).toHaveValue("Cannot upload my profile photo.");

  await page.getByLabel("Email").fill(uniqueEmail("draft"));
  await page.getByLabel("Subject").fill("Profile photo upload issue");
  await page.getByRole("button", { name: "Submit ticket" }).click();
  await expect(page.getByRole("heading", { name: /^Ticket #\d+$/ })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Full name")).toHaveValue("");
});

test("a ticket about a closed one starts from its subject; the next one starts empty", async ({ page }) => {
  await page.goto("/support/new?about=41");
  await expect(page.getByLabel("Subject")).toHaveValue("About ticket #41");
  await fillTicketForm(page, { email: uniqueEmail("about"), subject: "About ticket #41" });
  await page.getByRole("button", { name: "Submit ticket" }).click();
  await expect(page.getByRole("heading", { name: /^Ticket #\d+$/ })).toBeVisible();

  await page.getByRole("button", { name: "File another ticket" }).click();
  await expect(page.getByLabel("Subject")).toHaveValue("");
  await expect(page).toHaveURL(/\/support\/new$/);
});

test("a bot that fills the hidden field gets a generic refusal and files nothing", async ({ page, ticketsByEmail }) => {
  const email = uniqueEmail("bot");
  await page.goto("/support/new");
  await fillTicketForm(page, { email });
  await page.locator("#website").fill("https://spam.example");
  await page.getByRole("button", { name: "Submit ticket" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "We could not accept this ticket. Please wait a few seconds and send it again." }),
  ).toBeVisible();
  expect(await ticketsByEmail(email)).toEqual([]);
});
