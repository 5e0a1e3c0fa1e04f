import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { admin, signIn } from "./client";

// Its own server: the shared one runs with RATE_LIMITS=off.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ extraEnv: { RATE_LIMITS: "on", RATE_LIMIT_SIGN_IN: "3/1m" } });
});
afterAll(() => server?.stop());

test("repeated sign-in attempts are throttled with 429 and a retry delay, even with the right password", async () => {
  const wrong = { email: admin.email, password: "guess-guess-guess" };
  for (let attempt = 0; attempt < 3; attempt++) {
    expect((await signIn(wrong, server.baseURL)).response.status).toBe(401);
  }
  const { response } = await signIn(wrong, server.baseURL);
  expect(response.status).toBe(429);
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
  expect((await signIn(admin, server.baseURL)).response.status).toBe(429);
});
