import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTicketInput } from "@/lib/tickets/schemas";
import { api, auth, baseURL } from "./client";

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
    .tuple(validBodies, fc.constantFrom(...FIELDS), fc.option(fc.anything(), { nil: undefined }))
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
