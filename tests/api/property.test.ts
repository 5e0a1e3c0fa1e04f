import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createTicketInput } from "@/lib/tickets/schemas";
import { api, auth, baseURL } from "./client";

const CATEGORIES = ["Booking Issues", "Account Problems", "General Inquiry", "Technical Issue", "Billing"];

// Bodies that are sometimes valid and mostly slightly wrong: each field is a plausible value, a wrong one, or missing.
const field = <T>(valid: fc.Arbitrary<T>) =>
  fc.oneof(
    { weight: 4, arbitrary: valid },
    { weight: 1, arbitrary: fc.anything() },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
const bodies = fc.record(
  {
    roleContext: field(fc.constantFrom("tourist", "guide", "Tourist", "")),
    fullName: field(fc.string({ maxLength: 130 })),
    email: field(fc.oneof(fc.emailAddress(), fc.string())),
    subject: field(fc.string({ maxLength: 210 })),
    category: field(fc.constantFrom(...CATEGORIES, "Lost luggage", "")),
    message: field(fc.string({ maxLength: 300 })),
    status: field(fc.constantFrom("open", "closed", "pending")),
    createdAt: field(fc.date({ noInvalidDate: true }).map((date) => date.toISOString())),
    priority: fc.constant("high"),
  },
  { requiredKeys: [] },
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

function isAcceptable(body: Record<string, unknown>): boolean {
  const parsed = createTicketInput.safeParse(body);
  return (
    parsed.success &&
    CATEGORIES.includes(parsed.data.category) &&
    (parsed.data.status === undefined || parsed.data.status === "open")
  );
}

describe("random bodies on POST /api/support-tickets", () => {
  it("never cause a 500 and create a ticket exactly when the body is valid", async () => {
    const since = new Date(Date.now() - 1_000).toISOString();
    let created = 0;
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const response = await api("/api/support-tickets", { method: "POST", json: body });
        const text = await response.text();
        expect(response.status, text).toBeLessThan(500);
        if (response.status === 201) created++;
        expect(response.status === 201, `${response.status} for ${JSON.stringify(body)}: ${text}`).toBe(
          isAcceptable(body as Record<string, unknown>),
        );
      }),
      { numRuns: 150 },
    );
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
