import { describe, expect, it } from "vitest";
import { api, auth, createTicket, expectProblem, type TicketJson, uniqueEmail } from "./client";

async function list(query: string): Promise<{ tickets: TicketJson[]; next: string | null; response: Response }> {
  const response = await api(`/api/support-tickets?${query}`, { headers: auth });
  if (response.status !== 200) throw new Error(`${response.status}: ${await response.text()}`);
  const link = response.headers.get("link");
  const next = link ? /<([^>]+)>;\s*rel="next"/.exec(link)![1]! : null;
  return { tickets: (await response.json()) as TicketJson[], next, response };
}

async function followAll(query: string): Promise<{ ids: number[]; pages: number }> {
  const ids: number[] = [];
  let pages = 0;
  let url: string | null = `/api/support-tickets?${query}`;
  while (url) {
    const response: Response = await api(url, { headers: auth });
    expect(response.status).toBe(200);
    ids.push(...((await response.json()) as TicketJson[]).map((ticket) => ticket.id));
    pages++;
    const link = response.headers.get("link");
    url = link ? /<([^>]+)>;\s*rel="next"/.exec(link)![1]! : null;
  }
  return { ids, pages };
}

describe("GET /api/support-tickets", () => {
  it("needs an API token", async () => {
    await expectProblem(await api("/api/support-tickets"), 401);
  });

  it("returns a plain array of seed-shaped tickets, newest first", async () => {
    const email = uniqueEmail("order");
    const older = await createTicket({ email, status: "open", createdAt: "2026-01-01T09:00:00Z" }, true);
    const newer = await createTicket({ email, status: "open", createdAt: "2026-02-01T09:00:00Z" }, true);
    const middle = await createTicket({ email, status: "open", createdAt: "2026-01-15T09:00:00Z" }, true);
    const { tickets, next, response } = await list(`email=${encodeURIComponent(email)}`);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(Array.isArray(tickets)).toBe(true);
    expect(tickets.map((ticket) => ticket.id)).toEqual([newer.id, middle.id, older.id]);
    expect(next).toBeNull();
    expect(Object.keys(tickets[0]!)).toEqual(Object.keys(older).filter((key) => key !== "trackingUrl"));
  });

  it("filters by status (repeatable), category, role context, email and dates", async () => {
    const email = uniqueEmail("filters");
    const make = (overrides: Record<string, unknown>) => createTicket({ email, ...overrides }, true);
    const a = await make({ status: "open", category: "Billing", roleContext: "tourist", createdAt: "2026-03-01T10:00:00Z" });
    const b = await make({ status: "in_progress", category: "Billing", roleContext: "guide", createdAt: "2026-03-02T10:00:00Z" });
    const c = await make({ status: "resolved", category: "Technical Issue", roleContext: "guide", createdAt: "2026-03-03T10:00:00Z" });
    const e = `email=${encodeURIComponent(email.toUpperCase())}`;
    const ids = async (query: string) => (await list(`${e}&${query}`)).tickets.map((ticket) => ticket.id);

    expect(await ids("status=open")).toEqual([a.id]);
    expect(await ids("status=open&status=resolved")).toEqual([c.id, a.id]);
    expect(await ids("category=Billing")).toEqual([b.id, a.id]);
    expect(await ids("roleContext=guide")).toEqual([c.id, b.id]);
    expect(await ids("createdAfter=2026-03-02T00:00:00Z")).toEqual([c.id, b.id]);
    expect(await ids("createdBefore=2026-03-02T10:00:00Z")).toEqual([a.id]);
    expect(await ids("status=in_progress&roleContext=tourist")).toEqual([]);
  });

  it("searches subject and message with q", async () => {
    const email = uniqueEmail("search");
    const kayak = await createTicket({ email, subject: "Kayak tour refund", message: "The kayak tour was cancelled." });
    await createTicket({ email, subject: "Password reset", message: "I cannot sign in to my account." });
    const { tickets } = await list(`email=${encodeURIComponent(email)}&q=${encodeURIComponent("kayak refund")}`);
    expect(tickets.map((ticket) => ticket.id)).toEqual([kayak.id]);
    const stemmed = await list(`email=${encodeURIComponent(email)}&q=cancel`);
    expect(stemmed.tickets.map((ticket) => ticket.id)).toEqual([kayak.id]);
  });

  it("pages with limit and an opaque cursor in the Link header, keeping the filters", async () => {
    const email = uniqueEmail("pages");
    for (let day = 1; day <= 5; day++) {
      await createTicket({ email, status: "open", createdAt: `2026-04-0${day}T08:00:00Z` }, true);
    }
    const first = await list(`email=${encodeURIComponent(email)}&limit=2`);
    expect(first.tickets).toHaveLength(2);
    expect(first.next).toContain(`email=${encodeURIComponent(email)}`);
    expect(first.next).toContain("limit=2");
    const { ids, pages } = await followAll(`email=${encodeURIComponent(email)}&limit=2`);
    expect(pages).toBe(3);
    expect(ids).toHaveLength(5);
  });

  it("pages with no gaps or repeats while tickets are being created", async () => {
    const email = uniqueEmail("concurrent");
    const initial: number[] = [];
    for (let i = 0; i < 12; i++) initial.push((await createTicket({ email })).id);

    const seen: number[] = [];
    let url: string | null = `/api/support-tickets?email=${encodeURIComponent(email)}&limit=3`;
    while (url) {
      // Someone files a new ticket between every two pages.
      await createTicket({ email });
      const response: Response = await api(url, { headers: auth });
      seen.push(...((await response.json()) as TicketJson[]).map((ticket) => ticket.id));
      const link = response.headers.get("link");
      url = link ? /<([^>]+)>;\s*rel="next"/.exec(link)![1]! : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const id of initial) expect(seen).toContain(id);
  });

  it("sorts by last update when asked", async () => {
    const email = uniqueEmail("sort");
    const first = await createTicket({ email });
    const second = await createTicket({ email });
    await api(`/api/support-tickets/${first.id}`, { method: "PATCH", headers: auth, json: { status: "in_progress" } });
    const byUpdate = await list(`email=${encodeURIComponent(email)}&sort=-updatedAt`);
    expect(byUpdate.tickets.map((ticket) => ticket.id)).toEqual([first.id, second.id]);
    const oldestFirst = await list(`email=${encodeURIComponent(email)}&sort=createdAt`);
    expect(oldestFirst.tickets.map((ticket) => ticket.id)).toEqual([first.id, second.id]);
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=ten", "limit"],
    ["status=waiting", "status.0"],
    ["roleContext=admin", "roleContext"],
    ["createdAfter=last-week", "createdAfter"],
    ["sort=priority", "sort"],
    ["cursor=not-a-cursor", "cursor"],
    ["colour=blue", "colour"],
    ["category=Billing&category=Technical%20Issue", "category"],
  ])("answers %s with 422 on its parameter", async (query, path) => {
    const problem = await expectProblem(await api(`/api/support-tickets?${query}`, { headers: auth }), 422);
    expect(problem.errors?.map((error) => error.path)).toContain(path);
  });

  it("refuses a cursor from another sort order", async () => {
    const email = uniqueEmail("cursor-sort");
    await createTicket({ email });
    await createTicket({ email });
    const { next } = await list(`email=${encodeURIComponent(email)}&limit=1`);
    const cursor = new URL(next!).searchParams.get("cursor")!;
    await expectProblem(await api(`/api/support-tickets?sort=-updatedAt&cursor=${cursor}`, { headers: auth }), 422);
  });

  it("returns 50 tickets a page by default and up to 100 when asked", async () => {
    const email = uniqueEmail("sizes");
    await Promise.all(Array.from({ length: 55 }, () => createTicket({ email })));
    const defaults = await list(`email=${encodeURIComponent(email)}`);
    expect(defaults.tickets).toHaveLength(50);
    expect(defaults.next).not.toBeNull();
    const large = await list(`email=${encodeURIComponent(email)}&limit=100`);
    expect(large.tickets).toHaveLength(55);
    expect(large.next).toBeNull();
  });
});
