import { test as base, expect, type APIRequestContext, type Page } from "@playwright/test";
import { STAFF } from "./staff-account";

export interface TicketJson {
  id: number;
  subject: string;
  status: string;
  email: string;
}

let sequence = 0;

export const test = base.extend<{
  signInAsStaff: (page?: Page) => Promise<void>;
  createTicket: (overrides?: Record<string, unknown>) => Promise<TicketJson>;
  apiTicket: (id: number) => Promise<TicketJson>;
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
          email: `e2e.${Date.now()}.${++sequence}@example.com`,
          subject: `Payout missing ${Date.now()}-${sequence}`,
          category: "Billing",
          message: "My payout for last week's tour has not arrived.",
          ...overrides,
        },
      });
      expect(response.status()).toBe(201);
      return (await response.json()) as TicketJson;
    });
  },
  /** A ticket as an API client sees it right now. */
  apiTicket: async ({ request }, provide) => {
    await provide(async (id) => {
      const response = await request.get(`/api/support-tickets/${id}`, { headers: tokenHeaders() });
      expect(response.status()).toBe(200);
      return (await response.json()) as TicketJson;
    });
  },
});

export function tokenHeaders(): Record<string, string> {
  return { authorization: `Bearer ${process.env.API_TOKEN}` };
}

export async function moveViaApi(request: APIRequestContext, id: number, status: string) {
  return request.patch(`/api/support-tickets/${id}`, { headers: tokenHeaders(), data: { status } });
}

export { expect };

/** The page's message for the user; Next's route announcer is another, empty, alert region. */
export function alertMessage(page: Page) {
  return page.getByRole("alert").filter({ hasText: /\S/ });
}
