import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ReportFigures, ReportSummary } from "@/lib/reports/schemas";
import { runNpmCommand, startTestServer, type TestServer } from "../support/test-server";
import { admin, api, auth, expectProblem, sessionHeaders, signIn, ticketBody } from "./client";

// A server of its own whose database holds exactly the fixture below, written straight into it before it starts.
// Its jobs must not change the fixture: auto-close is off, and the clocks still running have deadlines far ahead.
let server: TestServer;
let bearer: Record<string, string>;

const HOUR = 3_600_000;
/** Monday 2026-11-02 00:00 in America/Mexico_City (UTC−6 all year), the server's DEFAULT_TIME_ZONE. */
const RANGE_START = Date.parse("2026-11-02T06:00:00Z");
const RANGE = "from=2026-11-02&to=2026-11-06";
const FAR_AHEAD = "2099-01-01T00:00:00Z";
const REPORTS_ADMIN = { email: "reports-admin@example.com", password: "reports-admin-password-1" };

interface FixtureTicket {
  createdAt: number;
  /** The status history after creation (as `open`), in order. */
  moves: Array<{ at: number; to: string }>;
  firstRepliedAt?: number;
  breaches: string[];
  rating?: number;
  category: string;
  roleContext: "tourist" | "guide";
  locale: "es" | "en";
  channel: "web" | "email";
}

/**
 * Fifty tickets, ten a day at 10:00 local from Nov 2 to Nov 6, and one on each side of the range (Nov 1 23:59 and
 * Nov 7 00:00 local, open). Ticket i (0–49):
 * - 0–29 get a first reply after i+1 hours and are resolved after 2(i+1) hours; 0–19 then close an hour later,
 *   20–24 are reopened an hour later, 25–29 stay resolved. 30–39 are replied to (and taken in progress) after i+1
 *   hours; 40–49 are never answered.
 * - Breaches: first reply for 30–44 (the late replies and five of the unanswered), resolution for 25–29 and 40–44.
 * - Ratings (closed tickets): 0–14 rate (i mod 5)+1, 15–17 rate 5.
 * - Billing for 0–19, General Inquiry for the rest; guides at odd i; English when i mod 5 = 0; email when i mod 10 = 3.
 */
function fixture(): FixtureTicket[] {
  const tickets: FixtureTicket[] = [];
  for (let i = 0; i < 50; i++) {
    const createdAt = RANGE_START + (24 * (i % 5) + 10) * HOUR;
    const moves: FixtureTicket["moves"] = [];
    const resolvedAt = createdAt + 2 * (i + 1) * HOUR;
    if (i < 30) moves.push({ at: resolvedAt, to: "resolved" });
    if (i < 20) moves.push({ at: resolvedAt + HOUR, to: "closed" });
    else if (i < 25) moves.push({ at: resolvedAt + HOUR, to: "in_progress" });
    else if (i >= 30 && i < 40) moves.push({ at: createdAt + (i + 1) * HOUR, to: "in_progress" });
    tickets.push({
      createdAt,
      moves,
      firstRepliedAt: i < 40 ? createdAt + (i + 1) * HOUR : undefined,
      breaches: [...(i >= 30 && i < 45 ? ["first_reply"] : []), ...((i >= 25 && i < 30) || (i >= 40 && i < 45) ? ["resolution"] : [])],
      rating: i < 15 ? (i % 5) + 1 : i < 18 ? 5 : undefined,
      category: i < 20 ? "Billing" : "General Inquiry",
      roleContext: i % 2 === 0 ? "tourist" : "guide",
      locale: i % 5 === 0 ? "en" : "es",
      channel: i % 10 === 3 ? "email" : "web",
    });
  }
  const outside = { moves: [], breaches: [], category: "Account Problems", roleContext: "tourist", locale: "es", channel: "web" } as const;
  tickets.push({ ...outside, moves: [], breaches: [], createdAt: RANGE_START - 60_000 }, { ...outside, moves: [], breaches: [], createdAt: RANGE_START + 120 * HOUR });
  return tickets;
}

const literal = (value: string | number | undefined) =>
  value === undefined ? "null" : typeof value === "number" ? `'${new Date(value).toISOString()}'` : `'${value}'`;

/** One statement per ticket: the ticket (with its channel), its first message (in that channel) and its status history. */
function fixtureSql(tickets: FixtureTicket[]): string {
  return tickets
    .map((ticket, index) => {
      const status = ticket.moves.at(-1)?.to ?? "open";
      const inPlay = status === "open" || status === "in_progress";
      const updatedAt = ticket.moves.at(-1)?.at ?? ticket.createdAt;
      const resolvedAt = status === "resolved" ? updatedAt : undefined;
      let from = "open";
      const events = [
        `('created', null, 'open', ${literal(ticket.createdAt)})`,
        ...ticket.moves.map((move) => {
          const event = `('status_changed', '${from}', '${move.to}', ${literal(move.at)})`;
          from = move.to;
          return event;
        }),
      ];
      return `with t as (
        insert into tickets (role_context, full_name, email, subject, category, message, status, locale, channel, created_at, updated_at,
          last_message_at, awaiting, closed_reason, resolved_at, first_replied_at, first_reply_due_at, resolution_due_at,
          sla_breaches, satisfaction_rating, satisfaction_at)
        values ('${ticket.roleContext}', 'Ana Martinez', 'report${index}@example.com', 'Report fixture', '${ticket.category}',
          'Help', '${status}', '${ticket.locale}', '${ticket.channel}', ${literal(ticket.createdAt)}, ${literal(updatedAt)}, ${literal(ticket.createdAt)},
          ${status === "closed" ? "null" : status === "resolved" ? "'requester'" : "'staff'"}, ${status === "closed" ? "'confirmed'" : "null"},
          ${literal(resolvedAt)}, ${literal(ticket.firstRepliedAt)},
          ${inPlay && ticket.firstRepliedAt === undefined ? literal(FAR_AHEAD) : "null"}, ${inPlay ? literal(FAR_AHEAD) : "null"},
          '{${ticket.breaches.join(",")}}', ${ticket.rating ?? "null"}, ${ticket.rating ? literal(updatedAt) : "null"})
        returning id
      ), message as (
        insert into ticket_messages (ticket_id, kind, author_type, author_name, body, channel, created_at)
        select id, 'reply', 'requester', 'Ana Martinez', 'Help', '${ticket.channel}', ${literal(ticket.createdAt)} from t
      )
      insert into ticket_events (ticket_id, type, from_value, to_value, actor, created_at)
      select t.id, v.type::ticket_event_type, v.from_value, v.to_value, 'fixture', v.at::timestamptz
      from t, (values ${events.join(", ")}) as v(type, from_value, to_value, at);`;
    })
    .join("\n");
}

async function writeFixture(env: NodeJS.ProcessEnv): Promise<void> {
  const script = fixtureSql(fixture());
  if (env.DATABASE_URL) {
    const sql = postgres(env.DATABASE_URL, { onnotice: () => {} });
    try {
      await sql.unsafe(script);
    } finally {
      await sql.end();
    }
  } else {
    const { PGlite } = await import("@electric-sql/pglite");
    const database = await PGlite.create(path.join(env.DATA_DIR!, "pglite"));
    try {
      await database.exec(script);
    } finally {
      await database.close();
    }
  }
}

beforeAll(async () => {
  let token = "";
  server = await startTestServer({
    extraEnv: { AUTO_CLOSE_AFTER: "off", DEFAULT_TIME_ZONE: "America/Mexico_City" },
    beforeStart: async (env) => {
      // Creates and migrates the database, so the fixture has its tables.
      token = (await runNpmCommand(env, "token:create", "reports")).trim().split("\n").at(-1)!;
      await runNpmCommand(env, "staff:create", REPORTS_ADMIN.email, REPORTS_ADMIN.password, "--admin");
      await writeFixture(env);
    },
  });
  bearer = { authorization: `Bearer ${token}` };
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

async function summary(query: string): Promise<ReportSummary> {
  const response = await api(`${server.baseURL}/api/reports/summary?${query}`, { headers: bearer });
  expect(response.status).toBe(200);
  return (await response.json()) as ReportSummary;
}

describe("report figures over a known fixture", () => {
  it("counts each day's created and closed tickets and the backlog at its end, in Mexico City days", async () => {
    const { figures, timeZone, groups, groupBy } = await summary(RANGE);
    expect(timeZone).toBe("America/Mexico_City");
    expect(groupBy).toBeNull();
    expect(groups).toEqual([]);
    expect(figures.days).toEqual([
      { date: "2026-11-02", created: 10, closed: 2, backlog: { open: 9, in_progress: 0, resolved: 0 } },
      { date: "2026-11-03", created: 10, closed: 3, backlog: { open: 14, in_progress: 2, resolved: 0 } },
      { date: "2026-11-04", created: 10, closed: 4, backlog: { open: 16, in_progress: 5, resolved: 1 } },
      { date: "2026-11-05", created: 10, closed: 4, backlog: { open: 19, in_progress: 7, resolved: 2 } },
      { date: "2026-11-06", created: 10, closed: 3, backlog: { open: 22, in_progress: 10, resolved: 3 } },
    ]);
  });

  it("gives medians, 90th percentiles, service levels, satisfaction and reopen rate of the tickets created in the range", async () => {
    const { figures } = await summary(RANGE);
    const { days: _days, ...rest } = figures;
    expect(rest).toEqual({
      created: 50,
      // First replies after 1…40 hours; resolutions after 2, 4, … 60 hours (percentile_cont interpolates).
      firstReplyHours: { count: 40, median: 20.5, p90: 36.1 },
      resolutionHours: { count: 30, median: 31, p90: 54.2 },
      // The same in business hours (Monday to Friday 09:00–18:00, the defaults): ticket i is created at 10:00 on day
      // i mod 5 (Monday to Friday), so a time of h hours has min(h, 8) that day, then 9 a working day; nights and the
      // weekend count nothing. Sorted first replies: 1…7, twenty 8s, 9, 11, 12, 13, 14, 16, seven 17s (median 8,
      // p90 17). Sorted resolutions: 2, 4, 6, eleven 8s, 9, 11, 13, nine 17s, 22, 24, 26 (median 8.5, p90 17.5).
      firstReplyBusinessHours: { count: 40, median: 8, p90: 17 },
      resolutionBusinessHours: { count: 30, median: 8.5, p90: 17.5 },
      serviceLevels: {
        // 40 replied (10 of them late) and 5 unanswered past their target; 5 unanswered are still within it.
        firstReply: { measured: 45, met: 30, rate: 0.6667 },
        // 30 resolved (5 late) and 5 unresolved past their target.
        resolution: { measured: 35, met: 25, rate: 0.7143 },
      },
      satisfaction: { count: 18, average: 3.33, distribution: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 6 } },
      reopens: { resolved: 30, reopened: 5, rate: 0.1667 },
    } satisfies Omit<ReportFigures, "days">);
  });

  it("narrows to the filters", async () => {
    const billing = (await summary(`${RANGE}&category=Billing`)).figures;
    expect(billing.created).toBe(20);
    expect(billing.firstReplyHours).toEqual({ count: 20, median: 10.5, p90: 18.1 });
    expect(billing.resolutionHours).toEqual({ count: 20, median: 21, p90: 36.2 });
    expect(billing.firstReplyBusinessHours).toEqual({ count: 20, median: 8, p90: 8 });
    expect(billing.resolutionBusinessHours).toEqual({ count: 20, median: 8, p90: 17 });
    expect(billing.reopens).toEqual({ resolved: 20, reopened: 0, rate: 0 });
    expect(billing.days.map((day) => day.backlog.open)).toEqual([2, 3, 3, 3, 4]);

    expect((await summary(`${RANGE}&locale=en`)).figures.created).toBe(10);
    expect((await summary(`${RANGE}&roleContext=guide`)).figures.created).toBe(25);
    const email = (await summary(`${RANGE}&channel=email`)).figures;
    expect(email.created).toBe(5);
    expect(email.firstReplyHours).toEqual({ count: 4, median: 19, p90: 31 });
    // Tickets 3, 13, 23 and 33, created on Thursday at 10:00: replies after 4, 14, 24 and 34 hours are 4, 8 (Thursday
    // until 18:00), 9 (and Friday 09:00–10:00) and 17 (and all Friday) business hours.
    expect(email.firstReplyBusinessHours).toEqual({ count: 4, median: 8.5, p90: 14.6 });
    expect((await summary(`${RANGE}&category=Billing&channel=email`)).figures.created).toBe(2);
  });

  it("gives the same figures per group", async () => {
    const byChannel = await summary(`${RANGE}&groupBy=channel`);
    expect(byChannel.groupBy).toBe("channel");
    expect(byChannel.groups.map(({ value, figures }) => [value, figures.created])).toEqual([
      ["email", 5],
      ["web", 45],
    ]);
    expect(byChannel.groups[0]!.figures).toEqual((await summary(`${RANGE}&channel=email`)).figures);

    const byCategory = await summary(`${RANGE}&groupBy=category`);
    // The ticket created before the range is in the backlog, so its category is a group too.
    expect(byCategory.groups.map(({ value, figures }) => [value, figures.created, figures.days[0]!.backlog.open])).toEqual([
      ["Account Problems", 0, 1],
      ["Billing", 20, 2],
      ["General Inquiry", 30, 6],
    ]);
    expect(byCategory.figures).toEqual((await summary(RANGE)).figures);
  });

  it("exports one CSV row per ticket created in the range", async () => {
    const response = await api(`${server.baseURL}/api/reports/tickets.csv?${RANGE}&channel=email`, { headers: bearer });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe('attachment; filename="tickets-2026-11-02-2026-11-06.csv"');
    const lines = (await response.text()).split("\r\n");
    expect(lines[0]).toBe(
      "id,createdAt,status,category,roleContext,locale,channel,priority,firstReplyHours,resolutionHours,breached,rating,firstReplyBusinessHours,resolutionBusinessHours",
    );
    expect(lines.at(-1)).toBe("");
    // Tickets 3, 13, 23, 33 and 43, in id order (ids follow the fixture's order after the token's migration).
    expect(lines.slice(1, -1).map((line) => line.split(",").slice(1))).toEqual([
      ["2026-11-05T16:00:00.000Z", "closed", "Billing", "guide", "es", "email", "normal", "4", "8", "", "4", "4", "8"],
      ["2026-11-05T16:00:00.000Z", "closed", "Billing", "guide", "es", "email", "normal", "14", "28", "", "4", "8", "13"],
      ["2026-11-05T16:00:00.000Z", "in_progress", "General Inquiry", "guide", "es", "email", "normal", "24", "48", "", "", "9", "17"],
      ["2026-11-05T16:00:00.000Z", "in_progress", "General Inquiry", "guide", "es", "email", "normal", "34", "", "first_reply", "", "17", ""],
      ["2026-11-05T16:00:00.000Z", "open", "General Inquiry", "guide", "es", "email", "normal", "", "", "first_reply resolution", "", "", ""],
    ]);
  });

  it("exports every ticket of the range", async () => {
    const response = await api(`${server.baseURL}/api/reports/tickets.csv?${RANGE}`, { headers: bearer });
    expect((await response.text()).trimEnd().split("\r\n")).toHaveLength(51);
  });
});

describe("figures the desk's own writes keep", () => {
  /** Yesterday to tomorrow in the server's time zone: today's tickets, whenever the test runs. */
  function aroundToday(): string {
    const day = (offset: number) => new Intl.DateTimeFormat("en-CA", { timeZone: "America/Mexico_City" }).format(Date.now() + offset * 24 * HOUR);
    return `from=${day(-1)}&to=${day(1)}`;
  }

  it("counts tickets by the channel they came in and keeps each one's first resolution and reopening", async () => {
    const file = async (headers: Record<string, string>) => {
      const response = await api(`${server.baseURL}/api/support-tickets`, { method: "POST", json: ticketBody(), headers });
      expect(response.status).toBe(201);
      return ((await response.json()) as { id: number }).id;
    };
    await file({});
    const id = await file(bearer);
    // Resolved, reopened, resolved again, closed: one first resolution, one reopening, one closing.
    for (const status of ["resolved", "in_progress", "resolved", "closed"]) {
      const response = await api(`${server.baseURL}/api/support-tickets/${id}`, { method: "PATCH", json: { status }, headers: bearer });
      expect(response.status).toBe(200);
    }

    const { figures } = await summary(`${aroundToday()}&channel=api`);
    expect(figures.created).toBe(1);
    expect(figures.resolutionHours).toEqual({ count: 1, median: 0, p90: 0 });
    expect(figures.reopens).toEqual({ resolved: 1, reopened: 1, rate: 1 });
    expect(figures.days.reduce((closed, day) => closed + day.closed, 0)).toBe(1);
    const web = (await summary(`${aroundToday()}&channel=web`)).figures;
    expect(web.created).toBe(1);
    expect(web.resolutionHours.count).toBe(0);
    expect(web.reopens).toEqual({ resolved: 0, reopened: 0, rate: null });
  });
});

describe("who may read reports, and what they must ask", () => {
  it("answers a staff session as it answers a token", async () => {
    const { cookie } = await signIn(admin);
    const response = await api(`/api/reports/summary?${RANGE}&groupBy=locale`, { headers: sessionHeaders(cookie) });
    expect(response.status).toBe(200);
    expect(((await response.json()) as ReportSummary).figures.days).toHaveLength(5);
    expect((await api(`/api/reports/tickets.csv?${RANGE}`, { headers: auth })).status).toBe(200);
  });

  it("refuses a caller without credentials", async () => {
    await expectProblem(await api(`/api/reports/summary?${RANGE}`), 401);
    await expectProblem(await api(`/api/reports/tickets.csv?${RANGE}`), 401);
  });

  it.each([
    ["to=2026-11-06", "from"],
    ["from=2026-11-06&to=2026-11-02", "to"],
    ["from=2025-01-01&to=2026-11-06", "to"],
    ["from=2026-11-31&to=2026-12-01", "from"],
    [`${RANGE}&groupBy=priority`, "groupBy"],
    [`${RANGE}&channel=fax`, "channel"],
    [`${RANGE}&locale=fr`, "locale"],
    [`${RANGE}&roleContext=agent`, "roleContext"],
    [`${RANGE}&status=open`, "status"],
  ])("answers %s with a 422 naming %s", async (query, field) => {
    const problem = await expectProblem(await api(`/api/reports/summary?${query}`, { headers: auth }), 422);
    expect(problem.errors?.map((error) => error.path)).toContain(field);
  });

  it("checks the CSV export's query the same way", async () => {
    const problem = await expectProblem(await api(`/api/reports/tickets.csv?${RANGE}&groupBy=category`, { headers: auth }), 422);
    expect(problem.errors).toHaveLength(1);
  });
});

// Last: a new calendar gives the fixture's tickets deadlines, so the service-level job may then record breaches.
describe("business hours after an admin changes the calendar", () => {
  it("follow the new calendar at once: around the clock, they are the calendar hours", async () => {
    const levels = await (await api(`${server.baseURL}/api/admin/service-levels`, { headers: bearer })).json();
    const allDay = [{ from: "00:00", to: "24:00" }];
    const week = Object.fromEntries(Object.keys(levels.week).map((day) => [day, allDay]));
    const { cookie } = await signIn(REPORTS_ADMIN, server.baseURL);
    const saved = await api(`${server.baseURL}/api/admin/service-levels`, {
      method: "PUT",
      json: { ...levels, week },
      headers: { cookie, origin: server.baseURL },
    });
    expect(saved.status).toBe(200);

    const { figures } = await summary(RANGE);
    expect(figures.firstReplyBusinessHours).toEqual({ count: 40, median: 20.5, p90: 36.1 });
    expect(figures.resolutionBusinessHours).toEqual({ count: 30, median: 31, p90: 54.2 });
  });
});
