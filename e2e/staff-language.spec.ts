import { expect, test } from "./fixtures";

/** Signs in through the (English) sign-in page and waits for the queue, titled in the account's language. */
async function signIn(page: import("@playwright/test").Page, account: { email: string; password: string }, queueTitle: string) {
  await page.goto("/staff/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: queueTitle })).toBeVisible();
}

test.describe("an English-speaking agent", () => {
  test.use({ locale: "en-US" });

  test("signs in, reads the queue, opens a ticket and moves it, all in English and axe clean", async ({
    page,
    signInAsStaff,
    createTicket,
    apiTicket,
    axeViolations,
  }, testInfo) => {
    const ticket = await createTicket({ category: "Technical Issue" });
    await signInAsStaff();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("navigation", { name: "Ticket status" }).getByRole("link", { name: /^Open/ })).toHaveAttribute(
      "aria-current",
      "page",
    );
    const row = page.getByRole("row", { name: new RegExp(ticket.subject) });
    await expect(row).toContainText("Technical issue"); // the category's English label, not its stored name
    expect(await axeViolations()).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("staff-queue-en.png") });

    await row.getByRole("link", { name: ticket.subject }).click();
    await expect(page.getByRole("heading", { level: 1, name: ticket.subject })).toBeVisible();
    await expect(page.getByText("Category: Technical issue")).toBeVisible();
    await page.getByRole("region", { name: "Move this ticket" }).getByRole("button", { name: "Start" }).click();
    await expect(page.getByRole("status")).toHaveText("Moved to In progress.");
    expect((await apiTicket(ticket.id)).status).toBe("in_progress");
    expect(await axeViolations()).toEqual([]);
  });
});

test.describe("an agent whose account says Spanish", () => {
  test.use({ locale: "en-US" }); // every browser here asks for English

  test("chooses Español once and then reads the desk in Spanish on any browser, axe clean", async ({
    browser,
    page,
    signInAsStaff,
    createTicket,
    apiTicket,
    axeViolations,
  }, testInfo) => {
    test.setTimeout(90_000); // three browsers and three sign-ins (each a password hash) on a small machine
    const agent = { email: `lucia.${Date.now()}@kinconecta.test`, password: "agent-password-es" };
    const englishBrowser = () => browser.newContext({ locale: "en-US", baseURL: process.env.BASE_URL });

    const admin = await englishBrowser();
    const adminPage = await admin.newPage();
    await signInAsStaff(adminPage);
    await adminPage.goto("/staff/admin");
    await adminPage.getByLabel("New account email").fill(agent.email);
    await adminPage.getByLabel("Initial password").fill(agent.password);
    await adminPage.getByRole("button", { name: "Create account" }).click();
    await expect(adminPage.getByRole("cell", { name: agent.email, exact: true })).toBeVisible();
    await admin.close();

    const first = await englishBrowser();
    const firstPage = await first.newPage();
    await signIn(firstPage, agent, "Ticket queue");
    await firstPage.getByLabel("Desk language").selectOption("es");
    await expect(firstPage.getByRole("heading", { level: 1, name: "Bandeja de tickets" })).toBeVisible();
    await expect(firstPage.getByLabel("Idioma del panel")).toHaveValue("es");
    await first.close();

    // Another browser, still asking for English: signed out it reads English, signed in Spanish.
    const ticket = await createTicket({ category: "Billing" });
    await signIn(page, agent, "Bandeja de tickets");
    await expect(page.locator("html")).toHaveAttribute("lang", "es-MX");
    const tabs = page.getByRole("navigation", { name: "Estado del ticket" });
    await expect(tabs.getByRole("link", { name: /^Abierto/ })).toHaveAttribute("aria-current", "page");
    const row = page.getByRole("row", { name: new RegExp(ticket.subject) });
    await expect(row).toContainText("Pagos y facturación"); // the category's Spanish label
    await expect(page.getByRole("button", { name: "Aplicar filtros" })).toBeVisible();
    await expect(page.getByText("Ticket queue")).toHaveCount(0);
    expect(await axeViolations()).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath("staff-queue-es.png") });

    await row.getByRole("link", { name: ticket.subject }).click();
    await expect(page.getByText("Categoría: Pagos y facturación")).toBeVisible();
    await page.getByRole("region", { name: "Mover este ticket" }).getByRole("button", { name: "Empezar" }).click();
    await expect(page.getByRole("status")).toHaveText("Movido a En proceso.");
    expect((await apiTicket(ticket.id)).status).toBe("in_progress");
    expect(await axeViolations()).toEqual([]);
  });
});

test.describe("category labels", () => {
  test.use({ locale: "en-US" });

  test("an admin renames a category in Spanish on the admin page; agents' filters show it, the stored name stays", async ({
    page,
    signInAsStaff,
  }) => {
    await signInAsStaff();
    await page.goto("/staff/admin");
    const accountProblems = page.getByRole("group", { name: "Account Problems" });
    const spanish = accountProblems.getByLabel("Spanish label");
    await expect(spanish).toHaveValue("Problemas con la cuenta");
    const rename = async (label: string) => {
      await spanish.fill(label);
      await accountProblems.getByRole("button", { name: "Save labels of Account Problems" }).click();
      await expect(page.getByRole("status")).toHaveText("Labels of “Account Problems” saved.");
    };
    await rename("Mi cuenta y acceso");

    const categories = await page.request.get("/api/admin/categories");
    expect(await categories.json()).toContainEqual(
      expect.objectContaining({ name: "Account Problems", labels: { es: "Mi cuenta y acceso", en: "Account problems" } }),
    );
    await page.getByLabel("Desk language").selectOption("es");
    await expect(page.getByRole("heading", { level: 1, name: "Administración" })).toBeVisible();
    await page.getByRole("navigation", { name: "Equipo de soporte" }).getByRole("link", { name: "Tickets" }).click();
    await expect(page.getByLabel("Categoría").getByRole("option", { name: "Mi cuenta y acceso" })).toHaveAttribute("value", "Account Problems");

    // Back as it was, for the other specs (and the admin's language too).
    await page.getByLabel("Idioma del panel").selectOption("browser");
    await expect(page.getByRole("heading", { level: 1, name: "Ticket queue" })).toBeVisible();
    await page.goto("/staff/admin");
    await rename("Problemas con la cuenta");
  });
});
