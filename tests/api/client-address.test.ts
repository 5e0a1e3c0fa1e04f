import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../support/test-server";
import { api, ticketBody } from "./client";

// Clients as a trusted proxy (the test itself, on 127.0.0.1) names them in X-Forwarded-For.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    extraEnv: { RATE_LIMITS: "on", RATE_LIMIT_PUBLIC_CREATE: "3/1m,50/1h", TRUSTED_PROXIES: "127.0.0.1,::1" },
  });
});
afterAll(() => server.stop());

function fileTicket(client: string, body = ticketBody(), headers: Record<string, string> = {}): Promise<Response> {
  return api(`${server.baseURL}/api/support-tickets`, {
    method: "POST",
    json: body,
    headers: { "x-forwarded-for": `${client}, 127.0.0.1`, ...headers },
  });
}

async function statuses(clients: string[]): Promise<number[]> {
  const answers: number[] = [];
  for (const client of clients) answers.push((await fileTicket(client)).status);
  return answers;
}

describe("client addresses in budgets and scopes", () => {
  it("counts IPv6 clients per /64 network: another address in it shares the budget, the next network does not", async () => {
    expect(await statuses(["2001:db8:1:2::1", "2001:db8:1:2::2", "2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2:1234::9"])).toEqual([
      201, 201, 201, 429,
    ]);
    expect(await statuses(["2001:db8:1:3::1"])).toEqual([201]);
  });

  it("counts an IPv4-mapped IPv6 address as its IPv4 address", async () => {
    expect(await statuses(["::ffff:198.51.100.50", "198.51.100.50", "::ffff:198.51.100.50", "198.51.100.50"])).toEqual([
      201, 201, 201, 429,
    ]);
  });

  it("keeps anonymous Idempotency-Keys apart per client address; the same address gets its replay", async () => {
    const body = ticketBody();
    const key = { "idempotency-key": `shared-${Date.now()}` };
    const first = await fileTicket("198.51.100.60", body, key);
    const stranger = await fileTicket("198.51.100.61", body, key);
    expect([first.status, stranger.status]).toEqual([201, 201]);
    const [mine, theirs] = [(await first.json()) as { id: number }, (await stranger.json()) as { id: number }];
    expect(theirs.id).not.toBe(mine.id);
    expect(stranger.headers.get("idempotent-replayed")).toBeNull();

    const retry = await fileTicket("198.51.100.60", body, key);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(((await retry.json()) as { id: number }).id).toBe(mine.id);
  });
});
