import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { freePort, startTestServer, type TestServer } from "../support/test-server";
import { admin, api, expectProblem, signIn, ticketBody, uniqueEmail } from "./client";

// Their own servers: the shared one runs with RATE_LIMITS=off.

/** A sign-in attempt as if from `address` (the servers below trust 127.0.0.1 as a proxy). */
function attempt(server: TestServer, email: string, address: string): Promise<Response> {
  return api(`${server.baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: server.baseURL, "x-forwarded-for": address },
    json: { email, password: "guess-guess-guess" },
  });
}

describe("sign-in budgets", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      extraEnv: {
        RATE_LIMITS: "on",
        RATE_LIMIT_SIGN_IN: "3/1m",
        RATE_LIMIT_SIGN_IN_ACCOUNT: "4/1m",
        RATE_LIMIT_SIGN_IN_ADDRESS: "5/1m",
        TRUSTED_PROXIES: "127.0.0.1",
      },
    });
  });
  afterAll(() => server?.stop());

  test("repeated attempts on one account from one address are throttled with 429, even with the right password", async () => {
    const wrong = { email: admin.email, password: "guess-guess-guess" };
    for (let attempt = 0; attempt < 3; attempt++) {
      expect((await signIn(wrong, server.baseURL)).response.status).toBe(401);
    }
    const { response } = await signIn(wrong, server.baseURL);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await signIn(admin, server.baseURL)).response.status).toBe(429);
  });

  test("one account is throttled across addresses: a new address does not buy more guesses", async () => {
    const email = uniqueEmail("victim");
    for (let index = 1; index <= 4; index++) {
      expect((await attempt(server, email, `198.51.100.${index}`)).status).toBe(401);
    }
    const response = await attempt(server, email, "198.51.100.99");
    await expectProblem(response, 429);
    expect(response.headers.get("ratelimit")).toMatch(/"sign-in-account-60s";r=0/);
  });

  test("one address is throttled across accounts: new account names do not buy more guesses", async () => {
    for (let index = 1; index <= 5; index++) {
      expect((await attempt(server, uniqueEmail(`stuffing${index}`), "203.0.113.7")).status).toBe(401);
    }
    const response = await attempt(server, uniqueEmail("stuffing6"), "203.0.113.7");
    await expectProblem(response, 429);
    expect(response.headers.get("ratelimit")).toMatch(/"sign-in-address-60s";r=0/);
  });

  test("an account name PostgreSQL cannot store is counted and refused like any wrong one, not taken for a store outage", async () => {
    const response = await attempt(server, "nul\u0000@example.com", "192.0.2.44");
    expect([400, 401]).toContain(response.status);
  });
});

describe("when the limit store is down", () => {
  let server: TestServer;
  beforeAll(async () => {
    // Nothing listens on this port: every Redis command fails.
    server = await startTestServer({ extraEnv: { RATE_LIMITS: "on", REDIS_URL: `redis://127.0.0.1:${await freePort()}` } });
  });
  afterAll(() => server?.stop());

  test("sign-in fails closed with 503, even with the right password, while other requests fail open", async () => {
    for (const credentials of [{ email: admin.email, password: "guess-guess-guess" }, admin]) {
      const response = await api(`${server.baseURL}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { origin: server.baseURL },
        json: credentials,
      });
      const problem = await expectProblem(response, 503);
      expect(problem.detail).toMatch(/Sign-in is paused/);
      expect(response.headers.get("set-cookie")).toBeNull();
    }
    const filed = await api(`${server.baseURL}/api/support-tickets`, { method: "POST", json: ticketBody() });
    expect(filed.status).toBe(201);
  });
});
