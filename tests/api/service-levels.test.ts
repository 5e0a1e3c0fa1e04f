import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../support/eventually";
import { runNpmCommand, startTestServer, type TestServer } from "../support/test-server";
import { api, expectProblem, signIn, ticketBody, uniqueEmail } from "./client";

// A server of its own: these tests replace the service levels, which would move every other suite's deadlines,
// and they need the breach job to poll often.
let server: TestServer;
let bearer: Record<string, string>;
let adminSession: Record<string, string>;
let agentSession: Record<string, string>;

const ADMIN = { email: "sla-admin@example.com", password: "sla-admin-password-1" };
const AGENT = { email: "sla-agent@example.com", password: "sla-agent-password-1" };
const MINUTE = 60_000;

async function signInAt(account: { email: string; password: string }) {
  return { cookie: (await signIn(account, server.baseURL)).cookie, origin: server.baseURL };
}

beforeAll(async () => {
  let token = "";
  server = await startTestServer({
    extraEnv: { SLA_POLL_MS: "100" },
    beforeStart: async (env) => {
      token = (await runNpmCommand(env, "token:create", "service levels")).trim().split("\n").at(-1)!;
      await runNpmCommand(env, "staff:create", ADMIN.email, ADMIN.password, "--admin");
      await runNpmCommand(env, "staff:create", AGENT.email, AGENT.password);
    },
  });
  bearer = { authorization: `Bearer ${token}` };
  [adminSession, agentSession] = await Promise.all([signInAt(ADMIN), signInAt(AGENT)]);
});
afterAll(() => server?.stop());

type Sla = { firstReplyDueAt: string | null; resolutionDueAt: string | null; breached: string[] };
type TicketJson = { id: number; createdAt: string; trackingUrl?: string; sla: Sla; priority: string };

const url = (path: string) => `${server.baseURL}${path}`;
const ALL_DAY = [{ from: "00:00", to: "24:00" }];
// Around the clock in UTC, so a deadline is plain arithmetic: normal tickets get an hour to the first reply and four to resolution.
const AROUND_THE_CLOCK = {
  timeZone: "UTC",
  week: { monday: ALL_DAY, tuesday: ALL_DAY, wednesday: ALL_DAY, thursday: ALL_DAY, friday: ALL_DAY, saturday: ALL_DAY, sunday: ALL_DAY },
  holidays: [],
  targets: {
    urgent: { firstReplyMinutes: 15, resolutionMinutes: 60 },
    high: { firstReplyMinutes: 30, resolutionMinutes: 120 },
    normal: { firstReplyMinutes: 60, resolutionMinutes: 240 },
    low: { firstReplyMinutes: 120, resolutionMinutes: 480 },
  },
};

async function putLevels(settings: unknown, headers: Record<string, string> = adminSession) {
  return api(url("/api/admin/service-levels"), { method: "PUT", json: settings, headers });
}
async function file(overrides: Record<string, unknown> = {}): Promise<TicketJson> {
  const response = await api(url("/api/support-tickets"), { method: "POST", json: ticketBody(overrides), headers: bearer });
  expect(response.status).toBe(201);
  return (await response.json()) as TicketJson;
}
const read = async (id: number) => (await (await api(url(`/api/support-tickets/${id}`), { headers: bearer })).json()) as TicketJson;
const at = (iso: string | null) => (iso === null ? null : Date.parse(iso));

describe("service levels", () => {
  it("start from the defaults (Mexico City office hours) and are replaced by an admin, audited, with an ETag", async () => {
    const defaults = await api(url("/api/admin/service-levels"), { headers: bearer });
    expect(defaults.headers.get("etag")).toBe('"v0"');
    expect(await defaults.json()).toMatchObject({ timeZone: "America/Mexico_City", week: { saturday: [], sunday: [] } });

    const saved = await putLevels(AROUND_THE_CLOCK, { ...adminSession, "if-match": '"v0"' });
    expect(saved.status).toBe(200);
    expect(saved.headers.get("etag")).toBe('"v1"');
    const audit = (await (await api(url("/api/admin/audit-log"), { headers: adminSession })).json()) as Array<{ action: string }>;
    expect(audit.map((entry) => entry.action)).toContain("service_levels.changed");
  });

  it.each([
    ["an unknown time zone", { timeZone: "Mars/Olympus" }, "timeZone"],
    ["overlapping hours", { week: { ...AROUND_THE_CLOCK.week, monday: [{ from: "09:00", to: "13:00" }, { from: "12:00", to: "18:00" }] } }, "week.monday"],
    ["an end before its start", { week: { ...AROUND_THE_CLOCK.week, friday: [{ from: "18:00", to: "09:00" }] } }, "week.friday.0.to"],
    ["a week without working hours", { week: Object.fromEntries(Object.keys(AROUND_THE_CLOCK.week).map((day) => [day, []])) }, "week"],
    ["the same holiday twice", { holidays: [{ date: "2027-01-01", name: "A" }, { date: "2027-01-01", name: "B" }] }, "holidays"],
    ["a target of zero minutes", { targets: { ...AROUND_THE_CLOCK.targets, urgent: { firstReplyMinutes: 0, resolutionMinutes: 60 } } }, "targets.urgent.firstReplyMinutes"],
  ])("refuse %s with 422 naming the field, and keep what was saved", async (_label, change, path) => {
    const before = (await api(url("/api/admin/service-levels"), { headers: bearer })).headers.get("etag");
    const problem = await expectProblem(await putLevels({ ...AROUND_THE_CLOCK, ...change }), 422);
    expect(problem.errors?.map((error) => error.path)).toContain(path);
    expect((await api(url("/api/admin/service-levels"), { headers: bearer })).headers.get("etag")).toBe(before);
  });

  it("may be changed by admins only, and not over another admin's newer save", async () => {
    await expectProblem(await putLevels(AROUND_THE_CLOCK, agentSession), 403);
    await expectProblem(await putLevels(AROUND_THE_CLOCK, bearer), 403);
    await expectProblem(await putLevels(AROUND_THE_CLOCK, { ...adminSession, "if-match": '"v0"' }), 412);
  });
});

describe("a ticket's deadlines", () => {
  beforeAll(async () => {
    expect((await putLevels(AROUND_THE_CLOCK)).status).toBe(200);
  });

  it("run from filing; the first staff reply stops the first-reply clock, and the requester's turn stops the resolution clock", async () => {
    const ticket = await file();
    const filed = Date.parse(ticket.createdAt);
    expect(at(ticket.sla.firstReplyDueAt)).toBeCloseTo(filed + 60 * MINUTE, -4);
    expect(at(ticket.sla.resolutionDueAt)).toBeCloseTo(filed + 240 * MINUTE, -4);
    expect(ticket.sla.breached).toEqual([]);

    const replied = await api(url(`/api/support-tickets/${ticket.id}/messages`), { method: "POST", json: { body: "Looking into it" }, headers: agentSession });
    expect(replied.status).toBe(201);
    expect((await read(ticket.id)).sla).toEqual({ firstReplyDueAt: null, resolutionDueAt: null, breached: [] });

    // The requester answers: staff's turn again, and the resolution clock counts on from what it had used.
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    const before = Date.now();
    const answered = await api(url(`/api/support-tickets/${ticket.id}/messages`), { method: "POST", json: { body: "Still broken" }, headers: { "x-tracking-key": key } });
    expect(answered.status).toBe(201);
    const resumed = (await read(ticket.id)).sla;
    expect(resumed.firstReplyDueAt).toBeNull();
    const due = at(resumed.resolutionDueAt)!;
    // Less than the whole four hours from now (some was used before the reply), but not less than four hours from filing.
    expect(due).toBeLessThanOrEqual(Date.now() + 240 * MINUTE);
    expect(due).toBeGreaterThan(before + 239 * MINUTE);
    expect(due).toBeGreaterThanOrEqual(filed + 240 * MINUTE);
  });

  it("follow a new priority's targets", async () => {
    const ticket = await file();
    const patched = await api(url(`/api/support-tickets/${ticket.id}`), { method: "PATCH", json: { priority: "urgent" }, headers: bearer });
    const { sla } = (await patched.json()) as TicketJson;
    expect(at(sla.firstReplyDueAt)).toBeCloseTo(Date.parse(ticket.createdAt) + 15 * MINUTE, -4);
    expect(at(sla.resolutionDueAt)).toBeLessThan(Date.parse(ticket.createdAt) + 61 * MINUTE);
  });

  it("stop when the ticket is resolved, and are hidden from the requester", async () => {
    const ticket = await file();
    await api(url(`/api/support-tickets/${ticket.id}`), { method: "PATCH", json: { status: "resolved" }, headers: bearer });
    expect((await read(ticket.id)).sla).toEqual({ firstReplyDueAt: null, resolutionDueAt: null, breached: [] });
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    expect(await (await api(url(`/api/support-tickets/${ticket.id}`), { headers: { "x-tracking-key": key } })).json()).not.toHaveProperty("sla");
  });

  it("move when an admin saves new targets", async () => {
    const ticket = await file();
    expect((await putLevels({ ...AROUND_THE_CLOCK, targets: { ...AROUND_THE_CLOCK.targets, normal: { firstReplyMinutes: 90, resolutionMinutes: 240 } } })).status).toBe(200);
    expect(at((await read(ticket.id)).sla.firstReplyDueAt)).toBeCloseTo(Date.parse(ticket.createdAt) + 90 * MINUTE, -4);
    expect((await putLevels(AROUND_THE_CLOCK)).status).toBe(200);
    expect(at((await read(ticket.id)).sla.firstReplyDueAt)).toBeCloseTo(Date.parse(ticket.createdAt) + 60 * MINUTE, -4);
  });

  it("sort=dueAt lists what is due next first, and tickets whose clocks are stopped last", async () => {
    const email = uniqueEmail("due");
    const normal = await file({ email });
    const waiting = await file({ email });
    await api(url(`/api/support-tickets/${waiting.id}/messages`), { method: "POST", json: { body: "Can you send a screenshot?" }, headers: bearer });
    const urgent = await file({ email });
    await api(url(`/api/support-tickets/${urgent.id}`), { method: "PATCH", json: { priority: "urgent" }, headers: bearer });
    const low = await file({ email });
    await api(url(`/api/support-tickets/${low.id}`), { method: "PATCH", json: { priority: "low" }, headers: bearer });

    const ids = async (query: string) =>
      ((await (await api(url(`/api/support-tickets?email=${encodeURIComponent(email)}&${query}`), { headers: bearer })).json()) as TicketJson[]).map((t) => t.id);
    expect(await ids("sort=dueAt")).toEqual([urgent.id, normal.id, low.id, waiting.id]);
    // Keyset pages in the same order.
    const first = await api(url(`/api/support-tickets?email=${encodeURIComponent(email)}&sort=dueAt&limit=2`), { headers: bearer });
    const next = /<([^>]+)>;\s*rel="next"/.exec(first.headers.get("link") ?? "")![1]!;
    const second = ((await (await api(next, { headers: bearer })).json()) as TicketJson[]).map((t) => t.id);
    expect([...((await first.json()) as TicketJson[]).map((t) => t.id), ...second]).toEqual([urgent.id, normal.id, low.id, waiting.id]);
  });

  it("a missed deadline is recorded once per target, in the ticket and in staff's history", async () => {
    const twoDaysAgo = new Date(Date.now() - 48 * 60 * MINUTE).toISOString();
    const late = await file({ createdAt: twoDaysAgo, updatedAt: twoDaysAgo });
    const breached = await eventually(async () => {
      const { sla } = await read(late.id);
      return sla.breached.length === 2 && sla;
    }, "both breaches of the late ticket");
    expect(breached.breached.sort()).toEqual(["first_reply", "resolution"]);

    // A second late ticket's breaches mean the job has passed over the first one again since: still one row per target.
    const later = await file({ createdAt: twoDaysAgo, updatedAt: twoDaysAgo });
    await eventually(async () => (await read(later.id)).sla.breached.length === 2, "the second ticket's breaches");
    const history = (await (await api(url(`/api/support-tickets/${late.id}/events`), { headers: bearer })).json()) as Array<{ type: string; toValue: string }>;
    expect(history.filter((event) => event.type === "sla_breached").map((event) => event.toValue).sort()).toEqual(["first_reply", "resolution"]);
    const key = new URL(late.trackingUrl!).searchParams.get("key")!;
    const requesterHistory = (await (await api(url(`/api/support-tickets/${late.id}/events`), { headers: { "x-tracking-key": key } })).json()) as Array<{ type: string }>;
    expect(requesterHistory.map((event) => event.type)).not.toContain("sla_breached");
  });
});
