import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTicketInput } from "@/lib/tickets/schemas";
import { anyCharacter, anyText } from "../support/any-text";
import { admin, api, auth, baseURL, createTicket, expectProblem, sessionHeaders, signIn, ticketBody } from "./client";

const CATEGORIES = ["Booking Issues", "Account Problems", "General Inquiry", "Technical Issue", "Billing"];

const text = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((value) => value.trim().length > 0);
const validBodies = fc.record(
  {
    roleContext: fc.constantFrom("tourist", "guide"),
    fullName: text(120),
    email: fc.stringMatching(/^[a-z0-9]{1,20}$/).map((local) => `${local}@example.com`),
    subject: text(200),
    category: fc.constantFrom(...CATEGORIES),
    message: text(500),
    status: fc.constant("open"),
    createdAt: fc
      .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2030-01-01T00:00:00Z"), noInvalidDate: true })
      .map((date) => date.toISOString()),
  },
  { requiredKeys: ["roleContext", "fullName", "email", "subject", "category", "message"] },
);
const FIELDS = ["roleContext", "fullName", "email", "subject", "category", "message", "status", "createdAt", "priority"];
// Half valid bodies, half valid bodies with one field dropped or replaced by anything at all.
const bodies = fc.oneof(
  validBodies,
  fc
    .tuple(validBodies, fc.constantFrom(...FIELDS), fc.option(fc.anything({ stringUnit: anyCharacter }), { nil: undefined }))
    .map(([body, key, value]) => ({ ...body, [key]: value })),
);

async function countTicketsSince(since: string): Promise<number> {
  let count = 0;
  let url: string | null = `${baseURL}/api/support-tickets?limit=100&createdAfter=${encodeURIComponent(since)}`;
  while (url) {
    const response: Response = await api(url, { headers: auth });
    count += ((await response.json()) as unknown[]).length;
    const link = response.headers.get("link");
    url = link ? /<([^>]+)>/.exec(link)![1]! : null;
  }
  return count;
}

// Judged on what goes over the wire: JSON drops undefined values and turns -0 into 0.
function isAcceptable(body: unknown): boolean {
  const parsed = createTicketInput.safeParse(JSON.parse(JSON.stringify(body)));
  return (
    parsed.success &&
    CATEGORIES.includes(parsed.data.category) &&
    (parsed.data.status === undefined || parsed.data.status === "open")
  );
}

describe("random bodies on POST /api/support-tickets", () => {
  it("never cause a 500 and create a ticket exactly when the body is valid", async () => {
    const since = new Date().toISOString();
    let created = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const response = await api("/api/support-tickets", { method: "POST", json: body });
        const text = await response.text();
        expect(response.status, text).toBeLessThan(500);
        if (response.status === 201) created++;
        expect(response.status === 201, `${response.status} for ${JSON.stringify(body)}: ${text}`).toBe(
          isAcceptable(body),
        );
      }),
      { numRuns: 200 },
    );
    expect(created).toBeGreaterThan(50); // the generator really does produce valid bodies
    expect(await countTicketsSince(since)).toBe(created);
  });

  it("never cause a 500 as raw bytes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const response = await api("/api/support-tickets", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: bytes,
        });
        expect(response.status).toBeLessThan(500);
        if (response.status !== 201) expect(response.headers.get("content-type")).toContain("problem+json");
      }),
      { numRuns: 100 },
    );
  });
});

/** Either the value was stored exactly as trimmed, or refused with a 422 on that one field; never a 500. */
async function expectStoredOrRefused(response: Response, field: string, sent: string, readBack: () => Promise<string>) {
  if (response.status === 422) {
    const problem = await expectProblem(response, 422);
    expect(problem.errors?.map((error) => error.path), JSON.stringify(sent)).toEqual([field]);
    return;
  }
  expect(response.status, `${JSON.stringify(sent)}: ${await response.clone().text()}`).toBeLessThan(300);
  expect(await readBack()).toBe(sent.trim());
}

const TICKET_TEXT_FIELDS = { fullName: 120, subject: 200, message: 500, category: 100 } as const;

describe("any Unicode text in a text field", () => {
  it("is stored exactly as trimmed, or refused with 422 naming the field, as JSON and as multipart", async () => {
    const field = fc.constantFrom(...(Object.keys(TICKET_TEXT_FIELDS) as (keyof typeof TICKET_TEXT_FIELDS)[]));
    const cases = field.chain((name) =>
      fc.record({
        name: fc.constant(name),
        // A category is mostly one of the real ones, with odd characters around it.
        value: name === "category" ? fc.oneof(anyText(20).map((text) => `${text}Billing`), anyText(100)) : anyText(TICKET_TEXT_FIELDS[name]),
        multipart: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(cases, async ({ name, value, multipart }) => {
        // A form part is a USVString with normalised line breaks: the browser (and undici) send a lone surrogate
        // as U+FFFD and every line break as CRLF.
        const sent = multipart ? value.toWellFormed().replace(/\r\n|\r|\n/g, "\r\n") : value;
        const fields = ticketBody({ [name]: sent });
        const form = new FormData();
        for (const [key, part] of Object.entries(fields)) form.append(key, part);
        const response = await api("/api/support-tickets", { method: "POST", ...(multipart ? { body: form } : { json: fields }) });
        await expectStoredOrRefused(response, name, sent, async () => {
          const { id } = (await response.json()) as { id: number };
          const stored = await api(`/api/support-tickets/${id}`, { headers: auth });
          return ((await stored.json()) as Record<string, string>)[name]!;
        });
      }),
      { numRuns: 250 },
    );
  });

  it("as a new category of a ticket is stored exactly as trimmed, or refused with 422 naming category", async () => {
    const { id } = await createTicket();
    await fc.assert(
      fc.asyncProperty(fc.oneof(anyText(20).map((text) => `${text}Billing`), anyText(100)), async (category) => {
        const response = await api(`/api/support-tickets/${id}`, { method: "PATCH", headers: auth, json: { category } });
        await expectStoredOrRefused(response, "category", category, async () => ((await response.json()) as { category: string }).category);
      }),
      { numRuns: 60 },
    );
  });

  it("as an API token's or a staff member's name is stored exactly as trimmed, or refused with 422 naming name", async () => {
    const headers = sessionHeaders((await signIn(admin)).cookie);
    let account = 0;
    await fc.assert(
      fc.asyncProperty(anyText(100), fc.boolean(), async (name, forStaff) => {
        const response = forStaff
          ? await api("/api/admin/staff-accounts", {
              method: "POST",
              headers,
              json: { email: `named.${process.pid}.${Date.now()}.${++account}@example.com`, password: "a-long-password", name },
            })
          : await api("/api/admin/api-tokens", { method: "POST", headers, json: { name } });
        await expectStoredOrRefused(response, "name", name, async () => ((await response.json()) as { name: string }).name);
      }),
      { numRuns: 24 },
    );
  });
});
