import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anyCharacter, anyText } from "../support/any-text";
import { api, auth, baseURL, createTicket, expectProblem, listByEmail, ticketBody, uniqueEmail } from "./client";

const tried = { count: 0 };
const afterOne = <T>(value: T) => (tried.count++, value);

describe("hostile input", () => {
  it("cuts a 50 MB JSON body off at the limit, declared or streamed", async () => {
    const declared = await api("/api/support-tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: new Uint8Array(50 * 1024 * 1024).fill(0x20),
    });
    await expectProblem(afterOne(declared), 413);

    let sent = 0;
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 50) return controller.close();
        sent++;
        controller.enqueue(chunk);
      },
    });
    const streamed = await fetch(`${baseURL}/api/support-tickets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    await expectProblem(afterOne(streamed), 413);
    expect(sent, "the server stopped reading long before 50 MB").toBeLessThan(50);
  });

  it("answers deeply nested JSON without a 500", async () => {
    const depth = 30_000;
    const response = await api("/api/support-tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "[".repeat(depth) + "]".repeat(depth),
    });
    expect([400, 422]).toContain(afterOne(response).status);
  });

  it("answers huge and odd numbers with 422, not 500", async () => {
    for (const limit of ["1e309", "-5", "9007199254740993", "NaN", "2.5"]) {
      await expectProblem(afterOne(await api(`/api/support-tickets?limit=${limit}`, { headers: auth })), 422);
    }
    const response = await api("/api/support-tickets", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(ticketBody()).replace('"Ana Martinez"', "1e309"),
    });
    await expectProblem(afterOne(response), 422);
  });

  it("stores SQL and HTML payloads verbatim and keeps queries intact", async () => {
    const email = uniqueEmail("payload");
    const payloads = {
      fullName: `Robert'); DROP TABLE tickets;--`,
      subject: `<script>alert("x")</script><img src=x onerror=alert(1)>`,
      message: `' OR 1=1 -- ; SELECT pg_sleep(10); \\x00 ${"\u202e"} 🙂`,
    };
    const ticket = await createTicket({ email, ...payloads });
    tried.count++;
    expect(ticket).toMatchObject(payloads);
    const [stored] = await listByEmail(email);
    expect(stored).toMatchObject(payloads);

    for (const q of [`' OR 1=1 --`, `%`, `"unterminated`, `a & | ! ( )`, `<script>`]) {
      const response = await api(`/api/support-tickets?q=${encodeURIComponent(q)}&email=${encodeURIComponent(email)}`, {
        headers: auth,
      });
      expect(afterOne(response).status).toBe(200);
    }
    const wildcard = await api(`/api/support-tickets?email=${encodeURIComponent("%@example.com")}`, { headers: auth });
    expect(await afterOne(wildcard).json(), "a % in a filter is a character, not a wildcard").toEqual([]);
  });

  it("never answers random query strings on the list with a 5xx", async () => {
    const names = fc.constantFrom("status", "category", "roleContext", "email", "q", "createdAfter", "createdBefore", "sort", "limit", "cursor", "x");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, anyText(40)), { maxLength: 5 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const response = await api(`/api/support-tickets?${query}`, { headers: auth });
        afterOne(response);
        expect(response.status, query).toBeLessThan(500);
        expect([200, 422]).toContain(response.status);
      }),
      { numRuns: 150 },
    );
  });

  it("never answers random PATCH bodies and headers with a 5xx, and changes nothing when it refuses", async () => {
    const ticket = await createTicket();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything({ stringUnit: anyCharacter }),
          fc.record({ status: fc.string(), category: fc.anything({ stringUnit: anyCharacter }) }, { requiredKeys: [] }),
        ),
        fc.option(fc.string({ maxLength: 30 }).filter((value) => /^[\x20-\x7e]*$/.test(value)), { nil: undefined }),
        async (body, ifMatch) => {
          const before = await (await api(`/api/support-tickets/${ticket.id}`, { headers: auth })).text();
          const response = await api(`/api/support-tickets/${ticket.id}`, {
            method: "PATCH",
            headers: { ...auth, "content-type": "application/json", ...(ifMatch !== undefined && { "if-match": ifMatch }) },
            body: JSON.stringify(body) ?? "",
          });
          afterOne(response);
          expect(response.status).toBeLessThan(500);
          if (response.status !== 200) {
            expect(await (await api(`/api/support-tickets/${ticket.id}`, { headers: auth })).text()).toBe(before);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("never answers random Authorization and Idempotency-Key headers with a 5xx", async () => {
    const visible = fc.string({ maxLength: 60 }).filter((value) => /^[\x20-\x7e]*$/.test(value));
    await fc.assert(
      fc.asyncProperty(visible, visible, async (authorization, key) => {
        const response = await api("/api/support-tickets", {
          method: "POST",
          json: ticketBody(),
          headers: { authorization, "idempotency-key": key },
        });
        afterOne(response);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 100 },
    );
    console.log(`[hostile] ${tried.count} hostile requests tried`);
  });
});
