import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNpmCommand, startTestServer, type TestServer } from "../support/test-server";
import { api, expectProblem, signIn, ticketBody } from "./client";

// A server of its own: agents marked available here would otherwise take every other suite's new tickets.
let server: TestServer;
let bearer: Record<string, string>;
const sessions: Record<"admin" | "ana" | "beto", Record<string, string>> = { admin: {}, ana: {}, beto: {} };
const ids: Record<"ana" | "beto", string> = { ana: "", beto: "" };
const ACCOUNTS = {
  admin: { email: "rr-admin@example.com", password: "rr-admin-password-1" },
  ana: { email: "ana@example.com", password: "ana-password-12345" },
  beto: { email: "beto@example.com", password: "beto-password-1234" },
};

const url = (path: string) => `${server.baseURL}${path}`;

beforeAll(async () => {
  let token = "";
  server = await startTestServer({
    beforeStart: async (env) => {
      token = (await runNpmCommand(env, "token:create", "round robin")).trim().split("\n").at(-1)!;
      await runNpmCommand(env, "staff:create", ACCOUNTS.admin.email, ACCOUNTS.admin.password, "--admin");
      await runNpmCommand(env, "staff:create", ACCOUNTS.ana.email, ACCOUNTS.ana.password);
      await runNpmCommand(env, "staff:create", ACCOUNTS.beto.email, ACCOUNTS.beto.password);
    },
  });
  bearer = { authorization: `Bearer ${token}` };
  for (const name of ["admin", "ana", "beto"] as const) {
    sessions[name] = { cookie: (await signIn(ACCOUNTS[name], server.baseURL)).cookie, origin: server.baseURL };
  }
  for (const name of ["ana", "beto"] as const) {
    ids[name] = ((await (await api(url("/api/staff/me"), { headers: sessions[name] })).json()) as { id: string }).id;
  }
});
afterAll(() => server?.stop());

const file = async (json: Record<string, unknown> = {}) => {
  const response = await api(url("/api/support-tickets"), { method: "POST", json: ticketBody(json) });
  expect(response.status).toBe(201);
  const { id } = (await response.json()) as { id: number };
  return (await (await api(url(`/api/support-tickets/${id}`), { headers: bearer })).json()) as { id: number; assignee: { id: string } | null };
};
const setAvailable = (name: "ana" | "beto", available: boolean) =>
  api(url("/api/staff/me"), { method: "PATCH", json: { available }, headers: sessions[name] });
const setCap = (name: "ana" | "beto", openTicketCap: number | null, headers = sessions.admin) =>
  api(url(`/api/admin/staff-accounts/${ids[name]}`), { method: "PATCH", json: { openTicketCap }, headers });

describe("round robin", () => {
  it("leaves new tickets unassigned while nobody is available", async () => {
    expect((await file()).assignee).toBeNull();
  });

  it("gives new tickets to the available agents in turn, skipping one at their cap, with a history row", async () => {
    expect((await setAvailable("ana", true)).status).toBe(200);
    expect(((await (await setAvailable("beto", true)).json()) as { available: boolean }).available).toBe(true);
    const capped = await setCap("beto", 1);
    expect(capped.status).toBe(200);
    expect(await capped.json()).toMatchObject({ email: ACCOUNTS.beto.email, available: true, openTicketCap: 1 });

    const [first, second, third] = [await file(), await file(), await file()];
    // Neither has had a ticket yet, so the first two go one to each; Beto is then at his cap of one.
    expect([first!.assignee?.id, second!.assignee?.id].sort()).toEqual([ids.ana, ids.beto].sort());
    expect(third!.assignee?.id).toBe(ids.ana);

    const history = (await (await api(url(`/api/support-tickets/${third!.id}/events`), { headers: bearer })).json()) as Array<{ type: string; toValue: string; actor: string }>;
    // The email worker may already have added its notification entry; this test is about who assigned the ticket.
    const assignment = history.filter((event) => !event.type.startsWith("notification_"));
    expect(assignment.map(({ type, actor }) => [type, actor])).toEqual([
      ["created", "requester"],
      ["assignee_changed", "system:round-robin"],
    ]);
  });

  it("counts only open and in-progress tickets against the cap, and stops at once for an agent who is not available", async () => {
    expect((await file()).assignee?.id).toBe(ids.ana); // Beto still has his one open ticket
    const owned = (await (await api(url(`/api/support-tickets?assignee=${ids.beto}&status=open`), { headers: bearer })).json()) as Array<{ id: number }>;
    expect(owned).toHaveLength(1);
    await api(url(`/api/support-tickets/${owned[0]!.id}`), { method: "PATCH", json: { status: "resolved" }, headers: bearer });
    expect((await file()).assignee?.id).toBe(ids.beto); // under his cap again, and he has waited longest

    expect((await setAvailable("ana", false)).status).toBe(200);
    expect((await setCap("beto", null)).status).toBe(200);
    const after = [await file(), await file()];
    expect(after.map((ticket) => ticket.assignee?.id)).toEqual([ids.beto, ids.beto]);
  });

  it("does not assign imported tickets, and only admins set caps (1 to 1000, or null)", async () => {
    const imported = await api(url("/api/support-tickets"), {
      method: "POST",
      json: ticketBody({ createdAt: "2026-01-05T10:00:00Z", updatedAt: "2026-01-05T10:00:00Z" }),
      headers: bearer,
    });
    expect(((await imported.json()) as { assignee: unknown }).assignee).toBeNull();
    await expectProblem(await setCap("ana", 5, sessions.beto), 403);
    await expectProblem(await setCap("ana", 5, bearer), 403);
    for (const wrong of [0, 1001, 2.5, "3"]) {
      const problem = await expectProblem(await api(url(`/api/admin/staff-accounts/${ids.ana}`), { method: "PATCH", json: { openTicketCap: wrong }, headers: sessions.admin }), 422);
      expect(problem.errors?.map((error) => error.path)).toEqual(["openTicketCap"]);
    }
    await expectProblem(await api(url("/api/staff/me"), { method: "PATCH", json: {}, headers: sessions.ana }), 422);
  });
});
