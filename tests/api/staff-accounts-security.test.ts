import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { api, expectProblem } from "./client";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs `npm run staff:create -- …args` with `input` piped to its standard input. */
function staffCreate(env: NodeJS.ProcessEnv, input: string, ...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["run", "-s", "staff:create", "--", ...args], { cwd: root, env, stdio: ["pipe", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stderr }));
    child.stdin.end(input);
  });
}

async function signInAt(server: TestServer, email: string, password: string) {
  const response = await api(`${server.baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { origin: server.baseURL },
    json: { email, password },
  });
  return { response, cookie: (response.headers.get("set-cookie") ?? "").split(";")[0]! };
}

describe("the first admin", () => {
  let server: TestServer;
  let passwordFile: string;
  beforeAll(async () => {
    server = await startTestServer(); // no account beforehand: the server creates the first admin
    passwordFile = path.join(server.env.DATA_DIR!, "first-admin-password");
  });
  afterAll(() => server?.stop());

  const session = (cookie: string) => ({ cookie, origin: server.baseURL });
  const changePassword = (cookie: string, json: unknown) =>
    api(`${server.baseURL}/api/auth/change-password`, { method: "POST", headers: session(cookie), json });

  test("gets a password in an owner-only file, never in the log, and must change it before using the desk", async () => {
    const password = (await readFile(passwordFile, "utf8")).trim();
    expect((await stat(passwordFile)).mode & 0o777).toBe(0o600);
    expect(server.log()).toContain("admin@kinconecta.local");
    expect(server.log()).toContain(passwordFile);
    expect(server.log()).not.toContain(password);

    const { response, cookie } = await signInAt(server, "admin@kinconecta.local", password);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(true);

    const refused = await api(`${server.baseURL}/api/support-tickets`, { headers: { cookie } });
    expect((await expectProblem(refused, 403)).detail).toMatch(/Change your password/);
    await expectProblem(await api(`${server.baseURL}/api/admin/audit-log`, { headers: { cookie } }), 403);
    await expectProblem(await api(`${server.baseURL}/api/auth/get-session`, { headers: { cookie } }), 403);
    for (const page of ["/staff", "/staff/admin", "/staff/login"]) {
      const redirected = await fetch(`${server.baseURL}${page}`, { headers: { cookie }, redirect: "manual" });
      expect(redirected.status).toBe(307);
      expect(new URL(redirected.headers.get("location")!, server.baseURL).pathname).toBe("/staff/change-password");
    }
    expect((await fetch(`${server.baseURL}/staff/change-password`, { headers: { cookie } })).status).toBe(200);

    for (const [newPassword, message] of [
      ["password1234", /commonly used/],
      [password, /different from the current one/],
      ["short", /at least 10/],
    ] as const) {
      const problem = await expectProblem(await changePassword(cookie, { currentPassword: password, newPassword }), 422);
      expect(problem.errors).toMatchObject([{ path: "newPassword", message: expect.stringMatching(message) }]);
    }
    const wrongCurrent = await changePassword(cookie, { currentPassword: "not-the-password", newPassword: "violet-anchor-47-drizzle" });
    expect(wrongCurrent.status).toBe(400);
    await expectProblem(await api(`${server.baseURL}/api/support-tickets`, { headers: { cookie } }), 403);

    expect((await changePassword(cookie, { currentPassword: password, newPassword: "violet-anchor-47-drizzle" })).status).toBe(200);
    expect((await api(`${server.baseURL}/api/support-tickets`, { headers: { cookie } })).status).toBe(200);
    expect(existsSync(passwordFile)).toBe(false);
    expect((await signInAt(server, "admin@kinconecta.local", password)).response.status).toBe(401);
    const again = await signInAt(server, "admin@kinconecta.local", "violet-anchor-47-drizzle");
    expect(((await again.response.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword).toBe(false);
  });

  test("admins read who did what in the audit log, newest first, a page at a time", async () => {
    const { cookie } = await signInAt(server, "admin@kinconecta.local", "violet-anchor-47-drizzle");
    const created = await api(`${server.baseURL}/api/admin/api-tokens`, { method: "POST", headers: session(cookie), json: { name: "crm" } });
    const { id: tokenId } = (await created.json()) as { id: number };
    await api(`${server.baseURL}/api/admin/api-tokens/${tokenId}`, { method: "DELETE", headers: session(cookie) });
    const account = await api(`${server.baseURL}/api/admin/staff-accounts`, {
      method: "POST",
      headers: session(cookie),
      json: { email: "lucia@example.com", password: "lucia-password-2026" },
    });
    const { id: accountId } = (await account.json()) as { id: string };
    await api(`${server.baseURL}/api/admin/staff-accounts/${accountId}/disable`, { method: "POST", headers: session(cookie) });
    expect((await signInAt(server, "nobody@example.com", "wrong-password-1")).response.status).toBe(401);

    const common = await api(`${server.baseURL}/api/admin/staff-accounts`, {
      method: "POST",
      headers: session(cookie),
      json: { email: "weak@example.com", password: "qwertyuiop" },
    });
    expect((await expectProblem(common, 422)).errors?.[0]?.path).toBe("password");

    const response = await api(`${server.baseURL}/api/admin/audit-log`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const entries = (await response.json()) as Array<{ action: string; actor: string; target: string | null; ipAddress: string | null }>;
    const admin = "staff:admin@kinconecta.local";
    expect(entries.map(({ action, actor, target }) => [action, actor, target])).toEqual([
      ["sign_in.failed", "nobody@example.com", null],
      ["staff_account.disabled", admin, `staff_account:${accountId}`],
      ["staff_account.created", admin, `staff_account:${accountId}`],
      ["api_token.revoked", admin, `api_token:${tokenId}`],
      ["api_token.created", admin, `api_token:${tokenId}`],
      ["sign_in.failed", "admin@kinconecta.local", null], // the old password, tried after the change
      ["password.changed", admin, expect.stringMatching(/^staff_account:/)],
      ["first_admin.created", "system", expect.stringMatching(/^staff_account:/)],
    ]);
    expect(entries[0]!.ipAddress).toBe("127.0.0.1");

    const first = await api(`${server.baseURL}/api/admin/audit-log?limit=2`, { headers: { cookie } });
    const next = /<([^>]+)>; rel="next"/.exec(first.headers.get("link") ?? "")![1]!;
    const second = (await (await api(next, { headers: { cookie } })).json()) as typeof entries;
    expect(second.map((entry) => entry.action)).toEqual(entries.slice(2, 4).map((entry) => entry.action));
    await expectProblem(await api(`${server.baseURL}/api/admin/audit-log?cursor=bogus`, { headers: { cookie } }), 422);
    await expectProblem(await api(`${server.baseURL}/api/admin/audit-log`), 401);
  });
});

describe("staff:create and session lifetime", () => {
  let server: TestServer;
  const agent = { email: "stdin-agent@example.com", password: "piped-password-2026" };
  let outcomes: Record<string, { code: number; stderr: string }> = {};
  beforeAll(async () => {
    server = await startTestServer({
      extraEnv: { STAFF_SESSION_MAX_AGE: "4s" },
      beforeStart: async (env) => {
        outcomes = {
          piped: await staffCreate(env, `${agent.password}\n`, agent.email),
          common: await staffCreate(env, "1234567890\n", "common@example.com"),
          argument: await staffCreate(env, "", "argument@example.com", "argument-password-2026", "--admin"),
        };
      },
    });
  }, 400_000); // three commands, each starting its own process and opening the database
  afterAll(() => server?.stop());

  test("reads the password from standard input, warns when it is an argument, and refuses a common one", async () => {
    expect(outcomes.piped!.code).toBe(0);
    expect(outcomes.piped!.stderr).not.toMatch(/Warning/);
    expect(outcomes.argument!.code).toBe(0);
    expect(outcomes.argument!.stderr).toMatch(/visible to other users \(ps\) and kept in shell history/);
    expect(outcomes.common!.code).toBe(2);
    expect(outcomes.common!.stderr).toMatch(/commonly used/);

    expect((await signInAt(server, agent.email, agent.password)).response.status).toBe(200);
    expect((await signInAt(server, "argument@example.com", "argument-password-2026")).response.status).toBe(200);
    expect((await signInAt(server, "common@example.com", "1234567890")).response.status).toBe(401);
  });

  test("a session ends STAFF_SESSION_MAX_AGE after sign-in, however active it is", async () => {
    // Taken before signing in: the session's clock starts on the server, somewhere during this request.
    const signedInAt = Date.now();
    const { cookie } = await signInAt(server, agent.email, agent.password);
    let status = 200;
    while (status === 200 && Date.now() - signedInAt < 20_000) {
      status = (await api(`${server.baseURL}/api/support-tickets`, { headers: { cookie } })).status;
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 250)); // in use, every quarter second
    }
    expect(status).toBe(401);
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual(4_000);
  });
});
