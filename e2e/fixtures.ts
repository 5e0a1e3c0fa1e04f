import { test as base, expect, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

export interface ApiTicket {
  id: number;
  roleContext: string;
  fullName: string;
  email: string;
  subject: string;
  category: string;
  message: string;
  status: string;
  attachments: Array<{ id: number; fileName: string; fileUrl: string }>;
}

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

export const test = base.extend<{
  /** The tickets filed with this address, through the API with the suite's token. */
  ticketsByEmail: (email: string) => Promise<ApiTicket[]>;
  /** axe's violations on the page as it is now (rule id and the offending elements). */
  axeViolations: () => Promise<Array<{ id: string; targets: string[] }>>;
}>({
  // The app under test is started by global-setup.ts on a free port.
  baseURL: async ({}, provide) => {
    await provide(process.env.BASE_URL);
  },
  ticketsByEmail: async ({ request }, provide) => {
    await provide(async (email) => {
      const response = await request.get(`/api/support-tickets?email=${encodeURIComponent(email)}`, {
        headers: { authorization: `Bearer ${process.env.API_TOKEN}` },
      });
      expect(response.status()).toBe(200);
      return (await response.json()) as ApiTicket[];
    });
  },
  axeViolations: async ({ page }, provide) => {
    await provide(async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
      return results.violations.map((violation) => ({
        id: violation.id,
        targets: violation.nodes.map((node) => node.target.join(" ")),
      }));
    });
  },
});

/** Fills the submit form as a person would; `overrides` replaces single fields. */
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
