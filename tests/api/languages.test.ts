import { describe, expect, it } from "vitest";
import { api, auth, baseURL, expectProblem, ticketBody, type TicketJson } from "./client";

// Pages are not API answers, so plain fetch: the client checks its answers against the OpenAPI document.
async function page(path: string, headers: Record<string, string>): Promise<{ lang: string | undefined; html: string }> {
  const response = await fetch(`${baseURL}${path}`, { headers });
  expect(response.status).toBe(200);
  const html = await response.text();
  return { lang: /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1], html };
}

const SPANISH = { "/support/new": "Enviar ticket", "/": "¿Cómo te ayudamos en tu viaje?" } as const;
const ENGLISH = { "/support/new": "Submit ticket", "/": "How can we help on your journey?" } as const;

describe("the language of the public pages", () => {
  for (const path of ["/support/new", "/"] as const) {
    it.each([
      ["Accept-Language: es-MX", { "accept-language": "es-MX,es;q=0.9" }, "es-MX"],
      ["Accept-Language: en-US", { "accept-language": "en-US,en;q=0.9" }, "en"],
      ["no Accept-Language (DEFAULT_LOCALE)", {}, "es-MX"],
      ["Accept-Language: fr, which we do not speak (DEFAULT_LOCALE)", { "accept-language": "fr-FR,fr;q=0.9" }, "es-MX"],
      ["the switch's cookie, which beats the header", { "accept-language": "es-MX", cookie: "locale=en" }, "en"],
      ["the switch's cookie for Spanish under an English browser", { "accept-language": "en-US", cookie: "locale=es" }, "es-MX"],
    ])(`${path} under %s`, async (_label, headers, lang) => {
      const { lang: htmlLang, html } = await page(path, headers);
      expect(htmlLang).toBe(lang);
      const [expected, other] = lang === "en" ? [ENGLISH, SPANISH] : [SPANISH, ENGLISH];
      expect(html).toContain(expected[path]);
      expect(html).not.toContain(other[path]);
    });
  }

  it("offers the categories by their Spanish labels and submits the stored names", async () => {
    const { html } = await page("/support/new", { "accept-language": "es-MX" });
    expect(html).toContain('<option value="Booking Issues">Problemas con reservas</option>');
    expect(html).toContain('<option value="Billing">Pagos y facturación</option>');
  });
});

async function file(json: Record<string, unknown>, headers: Record<string, string>): Promise<TicketJson> {
  const response = await api("/api/support-tickets", { method: "POST", json: ticketBody(json), headers });
  expect(response.status).toBe(201);
  return (await response.json()) as TicketJson;
}

async function confirmation(ticketId: number) {
  const response = await api(`/api/outbox-messages?ticketId=${ticketId}`, { headers: auth });
  expect(response.status).toBe(200);
  const messages = (await response.json()) as Array<{ kind: string; subject: string; textBody: string; locale: string }>;
  const found = messages.find((message) => message.kind === "ticket_created");
  expect(found).toBeDefined();
  return found!;
}

describe("a ticket's language", () => {
  it("is the request's language when the filer sends none, and its confirmation is written in it", async () => {
    const ticket = await file({}, { "accept-language": "en-US,en;q=0.9" });
    expect(ticket.locale).toBe("en");
    const email = await confirmation(ticket.id);
    expect(email).toMatchObject({ locale: "en", subject: `We received your ticket #${ticket.id}` });
    expect(email.textBody).toContain("Thank you for contacting Kinconecta Support");
  });

  it("is the `locale` sent, whatever the browser says", async () => {
    const ticket = await file({ locale: "es" }, { "accept-language": "en-US,en;q=0.9" });
    expect(ticket.locale).toBe("es");
    const email = await confirmation(ticket.id);
    expect(email).toMatchObject({ locale: "es", subject: `Recibimos tu ticket #${ticket.id}` });
    expect(email.textBody).toContain("Gracias por escribir al Soporte de Kinconecta");
  });

  it("is DEFAULT_LOCALE (Spanish) when neither the filer nor the browser names one we speak", async () => {
    const ticket = await file({}, { "accept-language": "de-DE" });
    expect(ticket.locale).toBe("es");
  });

  it("refuses a locale we do not speak with 422 on that field", async () => {
    const response = await api("/api/support-tickets", { method: "POST", json: ticketBody({ locale: "fr" }) });
    const problem = await expectProblem(response, 422);
    expect(problem.errors).toEqual([{ path: "locale", message: "Locale must be one of: es, en", code: "invalid_value" }]);
  });
});
