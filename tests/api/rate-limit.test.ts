import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runNpmCommand, startTestServer, type TestServer } from "../support/test-server";
import { api, expectProblem, ticketBody } from "./client";

// The rest of the suite runs with RATE_LIMITS=off; these servers turn the limits on, with small budgets.
const LIMITS = {
  RATE_LIMITS: "on",
  RATE_LIMIT_PUBLIC_CREATE: "3/1m,20/1h",
  RATE_LIMIT_AUTHENTICATED: "4/1m",
};
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";

interface Store {
  name: string;
  env: Record<string, string>;
  /**
   * How a second app instance reaches the same counters: on the first one's PostgreSQL database, or on
   * Redis with a database of its own; none for PGlite, whose directory belongs to one process.
   */
  secondInstance?: (first: TestServer) => Promise<TestServer>;
}

const stores: Store[] = [
  {
    name: process.env.DATABASE_URL ? "PostgreSQL" : "PGlite",
    env: {},
    secondInstance: process.env.DATABASE_URL
      ? (first) => startTestServer({ extraEnv: LIMITS, shareDatabaseWith: first })
      : undefined,
  },
  {
    name: "Redis",
    env: { REDIS_URL },
    secondInstance: () => startTestServer({ extraEnv: { ...LIMITS, REDIS_URL } }),
  },
];

function fileTicket(server: TestServer, headers: Record<string, string> = {}): Promise<Response> {
  return api(`${server.baseURL}/api/support-tickets`, { method: "POST", json: ticketBody(), headers });
}

function remaining(response: Response): number[] {
  return [...(response.headers.get("ratelimit") ?? "").matchAll(/;r=(\d+)/g)].map((match) => Number(match[1]));
}

async function expectRateLimited(response: Response): Promise<void> {
  const problem = await expectProblem(response, 429);
  expect(problem.title).toBe("Too Many Requests");
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(response.headers.get("ratelimit-policy")).toBeTruthy();
  expect(remaining(response)[0]).toBe(0);
}

describe.each(stores)("rate limits on the $name store", (store) => {
  const servers: TestServer[] = [];
  let token = "";

  beforeAll(async () => {
    if (store.env.REDIS_URL) {
      // Earlier runs' counters would still be inside their windows.
      const redis = new Redis(REDIS_URL);
      const keys = await redis.keys("kinconecta:rl:*");
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
    const first = await startTestServer({
      extraEnv: { ...LIMITS, ...store.env },
      beforeStart: async (env) => {
        token = (await runNpmCommand(env, "token:create", "rate limit test")).trim().split("\n").at(-1)!;
      },
    });
    servers.push(first);
    if (store.secondInstance) servers.push(await store.secondInstance(first));
  });
  afterAll(async () => {
    // The second instance first: the first one may own (and drop) a shared database.
    for (const server of servers.toReversed()) await server.stop();
  });

  it(`refuses the fourth ticket from one address inside a minute${store.secondInstance ? ", across two app instances" : ""}`, async () => {
    const answers: Response[] = [];
    for (let i = 0; i < 4; i++) answers.push(await fileTicket(servers[i % servers.length]!));

    expect(answers.map((response) => response.status)).toEqual([201, 201, 201, 429]);
    for (const response of answers.slice(0, 3)) {
      expect(response.headers.get("ratelimit-policy")).toBe(
        '"public-create-60s";q=3;w=60, "public-create-3600s";q=20;w=3600',
      );
    }
    expect(answers.slice(0, 3).map((response) => remaining(response))).toEqual([
      [2, 19],
      [1, 18],
      [0, 17],
    ]);
    await expectRateLimited(answers[3]!);
    expect(Number(answers[3]!.headers.get("retry-after"))).toBeLessThanOrEqual(60);
  });

  it("does not reset the limit for a client that sends its own X-Forwarded-For", async () => {
    for (const server of servers) {
      await expectRateLimited(await fileTicket(server, { "x-forwarded-for": "203.0.113.9" }));
      await expectRateLimited(await fileTicket(server, { "x-kinconecta-peer-address": "203.0.113.10" }));
    }
  });

  it("gives each API token its own, larger budget", async () => {
    const auth = { authorization: `Bearer ${token}` };
    const answers: Response[] = [];
    for (let i = 0; i < 5; i++) answers.push(await fileTicket(servers[0]!, auth));
    expect(answers.map((response) => response.status)).toEqual([201, 201, 201, 201, 429]);
    expect(answers[0]!.headers.get("ratelimit-policy")).toBe('"authenticated-60s";q=4;w=60');
    await expectRateLimited(answers[4]!);
    // Reading counts against the same budget.
    await expectRateLimited(await api(`${servers[0]!.baseURL}/api/support-tickets`, { headers: auth }));
  });
});

describe("behind a trusted proxy", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ extraEnv: { ...LIMITS, TRUSTED_PROXIES: "127.0.0.1,::1" } });
  });
  afterAll(() => server.stop());

  it("counts each client named by the proxy's X-Forwarded-For separately", async () => {
    const viaProxy = (client: string) => fileTicket(server, { "x-forwarded-for": `${client}, 127.0.0.1` });
    const first = [];
    for (let i = 0; i < 4; i++) first.push((await viaProxy("198.51.100.1")).status);
    expect(first).toEqual([201, 201, 201, 429]);
    expect((await viaProxy("198.51.100.2")).status).toBe(201);
  });
});

describe("requesters and anonymous readers", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ extraEnv: { ...LIMITS, RATE_LIMIT_PUBLIC: "3/1m" } });
  });
  afterAll(() => server.stop());

  it("counts a tracking key's reads and uploads against its address's budget, and never limits the health check", async () => {
    const created = await fileTicket(server);
    const { id, trackingUrl } = (await created.json()) as { id: number; trackingUrl: string };
    const key = { "x-tracking-key": new URL(trackingUrl).searchParams.get("key")! };
    const upload = () => {
      const form = new FormData();
      form.append("attachments", new Blob(["hello"], { type: "text/plain" }), "note.txt");
      return api(`${server.baseURL}/api/support-tickets/${id}/attachments`, { method: "POST", headers: key, body: form });
    };
    const answers = [
      await api(`${server.baseURL}/api/support-tickets/${id}`, { headers: key }),
      await upload(),
      await api(`${server.baseURL}/api/support-tickets/${id}/events`, { headers: key }),
      await upload(),
    ];
    expect(answers.map((response) => response.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get("ratelimit-policy")).toBe('"public-60s";q=3;w=60');
    await expectRateLimited(answers[3]!);
    for (let i = 0; i < 5; i++) expect((await api(`${server.baseURL}/api/health`)).status).toBe(200);
  });

  it("counts refused calls too, so wrong tracking keys and tokens cannot be tried without limit", async () => {
    const probe = (headers: Record<string, string>) => api(`${server.baseURL}/api/support-tickets/1`, { headers });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await probe({ "x-tracking-key": "not-the-key" })).status);
    // 404s while the address has budget left (none, if the test above spent it), then 429s.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.every((status, i) => status === 404 || (status === 429 && statuses.slice(i).every((later) => later === 429)))).toBe(true);
    await expectRateLimited(await probe({ authorization: "Bearer kct_not-a-token" }));
  });
});
