import { describe, expect, test } from "vitest";
import { admin, api, baseURL, expectProblem, signIn } from "./client";

const OVER_LIMIT = 16 * 1024 + 1;

/** A body sent in chunks without Content-Length, so only counting what arrives can stop it. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const chunk = new TextEncoder().encode(" ".repeat(Math.min(4096, bytes - sent)));
      sent += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
}

describe("/api/auth request bodies", () => {
  test.each(["/api/auth/sign-in/email", "/api/auth/sign-out"])("over 16 KiB declared is a 413 problem at %s", async (path) => {
    const body = JSON.stringify({ email: admin.email, password: admin.password, padding: "x".repeat(OVER_LIMIT) });
    const response = await api(path, { method: "POST", headers: { origin: baseURL, "content-type": "application/json" }, body });
    await expectProblem(response, 413);
  });

  test("over 16 KiB streamed without Content-Length is a 413 problem, and signs nobody in", async () => {
    const response = await api("/api/auth/sign-in/email", {
      method: "POST",
      headers: { origin: baseURL, "content-type": "application/json" },
      body: streamed(OVER_LIMIT),
      duplex: "half",
    } as RequestInit);
    await expectProblem(response, 413);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  test("a body within the limit still signs in", async () => {
    expect((await signIn(admin)).response.status).toBe(200);
  });
});
