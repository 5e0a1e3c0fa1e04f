import type { Page } from "@playwright/test";
import { type ApiTicket, expect, PNG_FILE, test, uniqueEmail } from "./fixtures";

// Words of the English interface that a Spanish-speaking requester must never meet ("Ticket" is Spanish too).
const ENGLISH_UI_WORDS =
  /\b(Submit|Subject|Message|Category|Attachments|Files?|Upload(ing)?|Track|Status|History|Filed|Open|In progress|Resolved|Closed|Tourist|Guide|Email|Your|You|Thank|Copy|link|None|Support team|Progress|Drop|Remove|Optional|at most|UTC)\b/;

/** The page's own words: its title and everything in <main> (the language switch, in the other language, is outside). */
async function pageText(page: Page): Promise<string> {
  return `${await page.title()}\n${await page.locator("main").innerText()}`;
}

async function expectNoEnglish(page: Page) {
  const text = await pageText(page);
  expect(text.match(ENGLISH_UI_WORDS)?.[0], `an English word on ${page.url()}`).toBeUndefined();
}

test.describe("a tourist whose browser speaks Spanish", () => {
  test.use({ locale: "es-MX", viewport: { width: 390, height: 844 }, timezoneId: "America/Cancun" });

  test("files a ticket with a screenshot, follows it and adds a file, all in Spanish", async ({ page, axeViolations, ticketsByEmail }) => {
    test.setTimeout(90_000); // the whole journey, with three axe runs
    await page.goto("/");
    await expect(page.locator("html")).toHaveAttribute("lang", "es-MX");
    await expect(page.getByRole("heading", { level: 1, name: "¿Cómo te ayudamos en tu viaje?" })).toBeVisible();
    await expectNoEnglish(page);
    await page.getByRole("link", { name: "Enviar un ticket" }).click();

    await expect(page.getByRole("heading", { level: 1, name: "Enviar un ticket" })).toBeVisible();
    await expect(page).toHaveTitle("Enviar un ticket · Soporte Kinconecta");
    // Validation in Spanish, from the API's own schema.
    await page.getByRole("button", { name: "Enviar ticket" }).click();
    await expect(page.getByRole("radiogroup", { name: "Soy…" })).toHaveAccessibleDescription("Elige si eres turista o guía");
    await expect(page.getByLabel("Nombre completo")).toHaveAccessibleDescription("Escribe tu nombre completo");
    await page.getByLabel("Asunto").fill("x".repeat(201));
    await page.getByLabel("Mensaje").focus();
    await expect(page.getByLabel("Asunto")).toHaveAccessibleDescription("El asunto debe tener como máximo 200 caracteres");
    await expectNoEnglish(page);
    expect(await axeViolations()).toEqual([]);

    const email = uniqueEmail("turista");
    await page.getByRole("radio", { name: "Turista" }).check();
    await page.getByLabel("Nombre completo").fill("Ana Martínez");
    await page.getByLabel("Correo electrónico").fill(email);
    await page.getByLabel("Categoría").selectOption({ label: "Problemas con reservas" });
    await page.getByLabel("Asunto").fill("No puedo pagar mi tour");
    await page.getByLabel("Mensaje").fill("El pago se rechaza cada vez que intento reservar el tour de mañana.");
    await page.getByLabel("Archivos adjuntos").setInputFiles(PNG_FILE);
    await expect(page.getByRole("list", { name: "Archivos por subir" })).toContainText("screenshot.png");
    await expect(page.getByLabel("Asunto")).not.toHaveAttribute("aria-invalid");
    await page.screenshot({ path: "docs/screenshots/public-form-es.png", fullPage: true });
    await page.getByRole("button", { name: "Enviar ticket" }).click();

    const heading = page.getByRole("heading", { name: /^Ticket #\d+$/ });
    await expect(heading).toBeFocused();
    const id = Number((await heading.textContent())!.replace("Ticket #", ""));
    await expect(page.getByText("Gracias, ya recibimos tu ticket")).toBeVisible();
    await expect(page.getByText("Problemas con reservas")).toBeVisible();
    const [ticket] = await ticketsByEmail(email);
    expect(ticket).toMatchObject({ id, locale: "es", category: "Booking Issues", roleContext: "tourist" });
    await expectNoEnglish(page);
    expect(await axeViolations()).toEqual([]);

    await page.getByRole("link", { name: `Seguir el ticket #${id}` }).click();
    await expect(page.getByRole("heading", { level: 1, name: `Ticket #${id}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Estado: Abierto" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Avance" }).getByRole("listitem").first()).toHaveText(/^Abierto \(actual\)/);
    await expect(page.getByRole("region", { name: "Historial" })).toContainText("Ticket enviado");
    await expect(page.getByRole("region", { name: "Archivos" }).getByRole("link", { name: "screenshot.png" }).locator("img")).toHaveJSProperty("naturalWidth", 1);

    await page.getByLabel("Agregar archivos").setInputFiles({ ...PNG_FILE, name: "recibo.png" });
    await page.getByRole("button", { name: "Subir archivos" }).click();
    await expect(page.getByText("Se agregó 1 archivo.")).toBeVisible();
    await expect(page.getByRole("region", { name: "Historial" })).toContainText("Archivo agregado: recibo.png");
    await expectNoEnglish(page);
    expect(await axeViolations()).toEqual([]);
    await page.screenshot({ path: "docs/screenshots/tracking-es.png", fullPage: true });

    // The switch, then the next page: English is remembered.
    await page.getByRole("button", { name: "Read in English" }).click();
    await expect(page.getByRole("heading", { name: "Status: Open" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.goto("/support/new");
    await expect(page.getByRole("heading", { level: 1, name: "Submit a ticket" })).toBeVisible();
    await expect(page.getByLabel("Category").locator("option", { hasText: "Booking issues" })).toHaveAttribute("value", "Booking Issues");
    await page.screenshot({ path: "docs/screenshots/public-form-en.png", fullPage: true });
    await page.getByRole("button", { name: "Leer en español" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Enviar un ticket" })).toBeVisible();
  });

  test("sees times in the browser's time zone, never in UTC", async ({ page, createTicket }) => {
    const ticket = (await createTicket({ locale: "es" })) as ApiTicket & { trackingUrl: string };
    await page.goto(ticket.trackingUrl);
    // Cancún is an hour ahead of the server's DEFAULT_TIME_ZONE (Mexico City) all year.
    const [cancun, mexicoCity] = await page.evaluate(
      (createdAt) =>
        ["America/Cancun", "America/Mexico_City"].map((timeZone) =>
          new Intl.DateTimeFormat("es-MX", { dateStyle: "long", timeStyle: "short", timeZone }).format(new Date(createdAt)),
        ),
      ticket.createdAt,
    );
    expect(cancun).not.toBe(mexicoCity);
    await expect(page.locator("main time").first()).toHaveText(cancun!);
    expect(await pageText(page)).not.toContain("UTC");
  });
});
