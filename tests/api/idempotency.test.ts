import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { api, auth, expectProblem, listByEmail, ticketBody, uniqueEmail } from "./client";

const post = (json: unknown, key: string) =>
  api("/api/support-tickets", { method: "POST", json, headers: { "idempotency-key": key } });

describe("Idempotency-Key on POST /api/support-tickets", () => {
  it("replays the first response for the same key and body, creating one ticket", async () => {
    const key = randomUUID();
    const body = ticketBody();
    const first = await post(body, key);
    expect(first.status).toBe(201);
    const second = await post(body, key);
    expect(second.status).toBe(201);
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(await second.json()).toEqual(await first.json());
    expect(await listByEmail(body.email)).toHaveLength(1);
  });

  it("refuses the same key with another body with 422", async () => {
    const key = randomUUID();
    const body = ticketBody();
    expect((await post(body, key)).status).toBe(201);
    const problem = await expectProblem(await post({ ...body, subject: "Something else" }, key), 422);
    expect(problem.detail).toMatch(/different request/);
    expect(await listByEmail(body.email)).toHaveLength(1);
  });

  it("creates one ticket when many requests race with one key", async () => {
    const key = randomUUID();
    const body = ticketBody();
    const responses = await Promise.all(Array.from({ length: 8 }, () => post(body, key)));
    const statuses = responses.map((response) => response.status);
    for (const status of statuses) expect([201, 409]).toContain(status);
    expect(statuses).toContain(201);
    const ids = new Set(
      await Promise.all(responses.filter((r) => r.status === 201).map(async (r) => (await r.json()).id as number)),
    );
    expect(ids.size).toBe(1);
    expect(await listByEmail(body.email)).toHaveLength(1);
  });

  it("does not hold a key for a request that failed validation", async () => {
    const key = randomUUID();
    const email = uniqueEmail();
    await expectProblem(await post(ticketBody({ email, category: "Nope" }), key), 422);
    const fixed = ticketBody({ email });
    expect((await post(fixed, key)).status).toBe(201);
    expect(await listByEmail(email)).toHaveLength(1);
  });

  it("keeps keys of different callers apart", async () => {
    const key = randomUUID();
    const a = ticketBody();
    expect((await post(a, key)).status).toBe(201);
    const b = ticketBody();
    const response = await api("/api/support-tickets", { method: "POST", json: b, headers: { ...auth, "idempotency-key": key } });
    expect(response.status).toBe(201);
    expect(await listByEmail(b.email)).toHaveLength(1);
  });

  it("refuses an unusable key with 422", async () => {
    await expectProblem(await post(ticketBody(), "x".repeat(300)), 422);
  });
});
