import { beforeAll, describe, expect, test } from "vitest";
import { admin, api, auth, baseURL, createAgent, expectProblem, sessionHeaders, signIn } from "./client";

// An agent of its own, so choosing a language here changes no other test's pages.
let agent: { id: string; email: string; cookie: string };

beforeAll(async () => {
  const { cookie: adminCookie } = await signIn(admin);
  const { id, email, password } = await createAgent(adminCookie, "polyglot");
  agent = { id, email, cookie: (await signIn({ email, password })).cookie };
});

const setLocale = (locale: unknown, headers = sessionHeaders(agent.cookie)) =>
  api("/api/staff/me", { method: "PATCH", headers, json: { locale } });

/** The queue page as the agent's browser gets it: its `<html lang>` and whether it reads in Spanish. */
async function queuePage(headers: Record<string, string>): Promise<{ lang: string; spanish: boolean }> {
  const response = await fetch(`${baseURL}/staff`, { headers: { cookie: agent.cookie, ...headers } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const lang = /<html lang="([^"]+)"/.exec(html)?.[1] ?? "";
  const spanish = html.includes("Bandeja de tickets");
  expect(spanish).toBe(!html.includes("Ticket queue")); // one language, never a mix of both titles
  return { lang, spanish };
}

describe("GET and PATCH /api/staff/me", () => {
  test("need a staff session: 401 without one, 403 for an API token", async () => {
    await expectProblem(await api("/api/staff/me"), 401);
    await expectProblem(await api("/api/staff/me", { method: "PATCH", json: { locale: "en" } }), 401);
    await expectProblem(await api("/api/staff/me", { headers: auth }), 403);
    await expectProblem(await api("/api/staff/me", { method: "PATCH", headers: auth, json: { locale: "en" } }), 403);
  });

  test("a signed-in change from another origin is refused (CSRF)", async () => {
    await expectProblem(await setLocale("en", { cookie: agent.cookie, origin: "https://evil.example" }), 403);
  });

  test.each([
    [{ locale: "fr" }, "locale"],
    [{ locale: "ES" }, "locale"],
    [{}, ""],
    [{ available: "yes" }, "available"],
    [{ locale: "en", theme: "dark" }, "theme"],
  ])("%j is refused with 422 naming the field", async (body, path) => {
    const response = await api("/api/staff/me", { method: "PATCH", headers: sessionHeaders(agent.cookie), json: body });
    const problem = await expectProblem(response, 422);
    expect(problem.errors?.map((error) => error.path)).toEqual([path]);
  });

  test("the chosen language round-trips and outranks the cookie and the browser; null follows them again", async () => {
    const me = await api("/api/staff/me", { headers: { cookie: agent.cookie } });
    expect(await me.json()).toEqual({ id: agent.id, email: agent.email, name: expect.any(String), role: "agent", locale: null, available: false });

    const english = await setLocale("en");
    expect(english.status).toBe(200);
    expect(((await english.json()) as { locale: string }).locale).toBe("en");
    expect(((await (await api("/api/staff/me", { headers: { cookie: agent.cookie } })).json()) as { locale: string }).locale).toBe("en");
    expect(await queuePage({ "accept-language": "es-MX,es;q=0.9" })).toEqual({ lang: "en", spanish: false });

    expect((await setLocale("es")).status).toBe(200);
    expect(await queuePage({ "accept-language": "en-US,en;q=0.9", cookie: `${agent.cookie}; locale=en` })).toEqual({
      lang: "es-MX",
      spanish: true,
    });

    const browser = await setLocale(null);
    expect(((await browser.json()) as { locale: null }).locale).toBeNull();
    expect(await queuePage({ "accept-language": "en-US,en;q=0.9" })).toEqual({ lang: "en", spanish: false });
    expect(await queuePage({ "accept-language": "en-US,en;q=0.9", cookie: `${agent.cookie}; locale=es` })).toEqual({
      lang: "es-MX",
      spanish: true,
    });
  });
});
