import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { admin, api, auth, baseURL, createTicket, expectProblem, sessionHeaders, signIn, uniqueEmail } from "./client";

interface Category {
  name: string;
  active: boolean;
  position: number;
  labels: { es?: string; en?: string };
}

let adminCookie: string;
let agentCookie: string;
let billingBefore: Category["labels"];

const patchLabels = (name: string, json: unknown, cookie = adminCookie) =>
  api(`/api/admin/categories/${encodeURIComponent(name)}`, { method: "PATCH", headers: sessionHeaders(cookie), json });

async function listCategories(): Promise<Category[]> {
  const response = await api("/api/admin/categories", { headers: { cookie: adminCookie } });
  expect(response.status).toBe(200);
  return (await response.json()) as Category[];
}

beforeAll(async () => {
  adminCookie = (await signIn(admin)).cookie;
  const credentials = { email: uniqueEmail("agent"), password: "agent-password-1" };
  const created = await api("/api/admin/staff-accounts", { method: "POST", headers: sessionHeaders(adminCookie), json: credentials });
  expect(created.status).toBe(201);
  agentCookie = (await signIn(credentials)).cookie;
  billingBefore = (await listCategories()).find((category) => category.name === "Billing")!.labels;
});

// Other test files read the seeded labels; put them back.
afterAll(async () => {
  if (billingBefore) expect((await patchLabels("Billing", { labels: billingBefore })).status).toBe(200);
});

describe("GET /api/admin/categories", () => {
  test("lists every category in the form's order with its labels", async () => {
    const categories = await listCategories();
    expect(categories.map((category) => category.position)).toEqual(categories.map((category) => category.position).sort((a, b) => a - b));
    expect(categories.find((category) => category.name === "Technical Issue")).toEqual({
      name: "Technical Issue",
      active: true,
      position: expect.any(Number),
      labels: { es: "Problema técnico", en: "Technical issue" },
    });
  });

  test("is for admins only: 401 signed out, 403 for an agent or an API token", async () => {
    await expectProblem(await api("/api/admin/categories"), 401);
    await expectProblem(await api("/api/admin/categories", { headers: { cookie: agentCookie } }), 403);
    await expectProblem(await api("/api/admin/categories", { headers: auth }), 403);
  });
});

describe("PATCH /api/admin/categories/{name}", () => {
  test("is for admins only: 401 signed out, 403 for an agent, an API token or another origin", async () => {
    const json = { labels: { es: "Cobros" } };
    await expectProblem(await api("/api/admin/categories/Billing", { method: "PATCH", json }), 401);
    await expectProblem(await patchLabels("Billing", json, agentCookie), 403);
    await expectProblem(await api("/api/admin/categories/Billing", { method: "PATCH", headers: auth, json }), 403);
    await expectProblem(
      await api("/api/admin/categories/Billing", { method: "PATCH", headers: { cookie: adminCookie, origin: "https://evil.example" }, json }),
      403,
    );
  });

  test("answers 404 for a category that does not exist", async () => {
    const problem = await expectProblem(await patchLabels("Time Travel", { labels: { es: "Viajes en el tiempo" } }), 404);
    expect(problem.detail).toContain("Time Travel");
  });

  test.each([
    [{ labels: { es: "" } }, "labels.es"],
    [{ labels: { en: "   " } }, "labels.en"],
    [{ labels: { es: "Pagos\nfacturas" } }, "labels.es"],
    [{ labels: { es: "x".repeat(81) } }, "labels.es"],
    [{ labels: { fr: "Facturation" } }, "labels.fr"],
    [{ labels: "Pagos" }, "labels"],
    [{}, "labels"],
  ])("%j is refused with 422 naming %s", async (body, path) => {
    const problem = await expectProblem(await patchLabels("Billing", body), 422);
    expect(problem.errors?.map((error) => error.path)).toEqual([path]);
  });

  test("changes one language's label, keeps the other and the stored name, and is audited", async () => {
    const response = await patchLabels("Billing", { labels: { es: "  Cobros y reembolsos " } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      name: "Billing",
      active: true,
      position: expect.any(Number),
      labels: { es: "Cobros y reembolsos", en: billingBefore.en },
    });
    expect((await listCategories()).find((category) => category.name === "Billing")!.labels.es).toBe("Cobros y reembolsos");

    const log = await api("/api/admin/audit-log?limit=10", { headers: { cookie: adminCookie } });
    const entry = ((await log.json()) as Array<{ action: string; actor: string; target: string; detail: unknown }>).find(
      (candidate) => candidate.action === "category.labels_changed",
    );
    expect(entry).toMatchObject({
      actor: `staff:${admin.email}`,
      target: "category:Billing",
      detail: { before: billingBefore, after: { ...billingBefore, es: "Cobros y reembolsos" } },
    });
  });

  test("a name with a space is addressed URL-encoded", async () => {
    const response = await patchLabels("Technical Issue", { labels: { en: "Technical issue" } });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Category).name).toBe("Technical Issue");
  });

  test("a ticket filed right after the edit is confirmed by email with the new Spanish label, under the same stored name", async () => {
    expect((await patchLabels("Billing", { labels: { es: "Cobros y pagos" } })).status).toBe(200);
    const ticket = await createTicket({ category: "Billing", locale: "es" });
    expect(ticket.category).toBe("Billing");
    const outbox = await api(`/api/outbox-messages?ticketId=${ticket.id}`, { headers: auth });
    const [confirmation] = (await outbox.json()) as Array<{ textBody: string }>;
    expect(confirmation!.textBody).toContain("Cobros y pagos");
  });

  test("the public form in Spanish offers the edited label, with the stored name as its value", async () => {
    expect((await patchLabels("Billing", { labels: { es: "Pagos de tours" } })).status).toBe(200);
    const form = await fetch(`${baseURL}/support/new`, { headers: { "accept-language": "es-MX,es;q=0.9" } });
    expect(form.status).toBe(200);
    expect(await form.text()).toMatch(/<option value="Billing"[^>]*>Pagos de tours<\/option>/);
  });
});
