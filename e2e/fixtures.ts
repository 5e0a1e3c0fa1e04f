import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import type { Ticket } from "../lib/tickets/schemas";
import { STAFF } from "./staff-account";

/** A ticket as the API returns it (the app's own type). */
export type ApiTicket = Ticket;

let sequence = 0;
/** A unique address per call, so a test finds exactly its own tickets with the API's email filter. */
export function uniqueEmail(label: string): string {
  return `${label}.${process.pid}.${Date.now()}.${++sequence}@example.com`;
}

// A 1×1 PNG and a short text file: small, and accepted by the server's content check.
export const PNG_FILE = {
  name: "screenshot.png",
  mimeType: "image/png",
  buffer: Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
    "base64",
  ),
};
export const TEXT_FILE = { name: "booking-log.txt", mimeType: "text/plain", buffer: Buffer.from("Payment declined at 10:02\n") };

export function tokenHeaders(): Record<string, string> {
  return { authorization: `Bearer ${process.env.API_TOKEN}` };
}

export const test = base.extend<{
  signInAsStaff: (page?: Page) => Promise<void>;
  createTicket: (overrides?: Record<string, unknown>) => Promise<ApiTicket>;
  apiTicket: (id: number) => Promise<ApiTicket>;
  /** The tickets filed with this address, through the API with the suite's token. */
  ticketsByEmail: (email: string) => Promise<ApiTicket[]>;
  /** axe's violations on the page as it is now (rule id and the offending elements). */
  axeViolations: () => Promise<Array<{ id: string; targets: string[] }>>;
}>({
  // The app under test is started by global-setup.ts on a free port.
  baseURL: async ({}, provide) => {
    await provide(process.env.BASE_URL);
  },
  /** Signs in through the real sign-in page (the given page, or the test's own). */
  signInAsStaff: async ({ page }, provide) => {
    await provide(async (target = page) => {
      await target.goto("/staff/login");
      await target.getByLabel("Email").fill(STAFF.email);
      await target.getByLabel("Password").fill(STAFF.password);
      await target.getByRole("button", { name: "Sign in" }).click();
      await expect(target.getByRole("heading", { name: "Ticket queue" })).toBeVisible();
    });
  },
  /** Files a ticket through the public API, with a subject unique to this call. */
  createTicket: async ({ request }, provide) => {
    await provide(async (overrides = {}) => {
      const response = await request.post("/api/support-tickets", {
        data: {
          roleContext: "guide",
          fullName: "Luis Ortega",
          email: uniqueEmail("e2e"),
          subject: `Payout missing ${Date.now()}-${++sequence}`,
          category: "Billing",
          message: "My payout for last week's tour has not arrived.",
          ...overrides,
        },
      });
      expect(response.status()).toBe(201);
      return (await response.json()) as ApiTicket;
    });
  },
  /** A ticket as an API client sees it right now. */
  apiTicket: async ({ request }, provide) => {
    await provide(async (id) => {
      const response = await request.get(`/api/support-tickets/${id}`, { headers: tokenHeaders() });
      expect(response.status()).toBe(200);
      return (await response.json()) as ApiTicket;
    });
  },
  ticketsByEmail: async ({ request }, provide) => {
    await provide(async (email) => {
      const response = await request.get(`/api/support-tickets?email=${encodeURIComponent(email)}`, {
        headers: tokenHeaders(),
      });
      expect(response.status()).toBe(200);
      return (await response.json()) as ApiTicket[];
    });
  },
  axeViolations: async ({ page }, provide) => {
    await provide(() => axeViolationsOf(page));
  },
});

/** axe's violations on any page (a second browser context's too): rule id and the offending elements. */
export async function axeViolationsOf(page: Page): Promise<Array<{ id: string; targets: string[] }>> {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"])
    .analyze();
  return results.violations.map((violation) => ({
    id: violation.id,
    targets: violation.nodes.map((node) => node.target.join(" ")),
  }));
}

export async function moveViaApi(request: APIRequestContext, id: number, status: string) {
  return request.patch(`/api/support-tickets/${id}`, { headers: tokenHeaders(), data: { status } });
}

/** The page's message for the user; Next's route announcer is another, empty, alert region. */
export function alertMessage(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}

/** Fills the submit form as a person would; `values` replaces single fields. */
export async function fillTicketForm(
  page: Page,
  values: { role?: "Tourist" | "Guide"; fullName?: string; email: string; category?: string; subject?: string; message?: string },
) {
  await page.getByRole("radio", { name: values.role ?? "Tourist" }).check();
  await page.getByLabel("Full name").fill(values.fullName ?? "Ana Martinez");
  await page.getByLabel("Email").fill(values.email);
  await page.getByLabel("Category").selectOption(values.category ?? "Booking Issues");
  await page.getByLabel("Subject").fill(values.subject ?? "Payment keeps failing");
  await page.getByLabel("Message").fill(values.message ?? "I'm trying to book a tour for tomorrow but the payment keeps failing.");
}

export { expect };
