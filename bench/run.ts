// npm run bench [-- --quick] [--parts=throughput,scale,cold,lighthouse,reference] [--databases=postgres,pglite]
//   [--sizes=1000,100000,1000000] [--duration=10] [--connections=32] [--lighthouse-runs=3] [--cpu-slowdown=4]
// Builds if needed, starts the production app itself and measures it; writes bench/results/<date>.json.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/db/schema";
import { listQueryFromUrl } from "@/lib/http/list-query";
import { ticketPageQuery } from "@/lib/tickets/page-query";
import { chromiumLaunchOptions } from "../tests/support/chromium";
import { freePort, freshPostgresDatabase, runNpmCommand, spawnApp } from "../tests/support/test-server";
import { newReport, percentile, round, saveReport, table } from "./report";

const root = path.resolve(import.meta.dirname, "..");
const args = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, value] = arg.replace(/^--/, "").split("=");
    return [name!, value ?? "true"] as const;
  }),
);
const quick = args.has("quick");
const list = (name: string, fallback: string) => (args.get(name) ?? fallback).split(",").filter(Boolean);
const parts = new Set(list("parts", "throughput,scale,cold,lighthouse,reference"));
const databases = list("databases", "postgres,pglite");
const sizes = list("sizes", quick ? "1000,100000" : "1000,100000,1000000").map(Number);
const duration = Number(args.get("duration") ?? (quick ? 3 : 10));
const connections = Number(args.get("connections") ?? 32);
const throughputTickets = Number(args.get("tickets") ?? 20_000);
const lighthouseRuns = Number(args.get("lighthouse-runs") ?? 3);
const cpuSlowdown = Number(args.get("cpu-slowdown") ?? 4);
const postgresUrl = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";
const APP_SECRET = "bench-secret-bench-secret-bench-secret-0";

type Database = "postgres" | "pglite";
interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  /** Responses by status code, so errors can be told apart. */
  statusCodes: Record<string, number>;
  /** The server's own CPU time per request: steadier than req/s on a machine shared with other work. */
  serverCpuMsPerRequest?: number;
}
interface Endpoint {
  name: string;
  method?: "GET" | "POST" | "PATCH";
  path: string;
  body?: string;
  /** Picks a path (and body) per request; `state` lives as long as one connection. */
  setup?: (state: Record<string, unknown>) => { path: string; body?: string };
  /** Bodies sent in turn on each connection (instead of `body`). */
  bodies?: string[];
}

// ---------- processes ----------

interface Server {
  url: string;
  process: ChildProcess;
  stop: () => Promise<void>;
}

async function waitFor(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}:\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} did not answer within 120 s:\n${log()}`);
}

async function supervise(child: ChildProcess, url: string, readyPath: string): Promise<Server> {
  let log = "";
  child.stdout?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitFor(`${url}${readyPath}`, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, process: child, stop };
}

function appEnv(database: Database, target: string, port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: database === "postgres" ? target : "",
    DATA_DIR: database === "pglite" ? target : os.tmpdir(),
    APP_SECRET,
    APP_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    RATE_LIMITS: "off",
    BENCH_ROUTES: "1",
  };
}

async function startApp(database: Database, target: string): Promise<Server> {
  const port = await freePort();
  return supervise(spawnApp(appEnv(database, target, port), port), `http://127.0.0.1:${port}`, "/api/health");
}

async function startBaseline(target: string): Promise<Server> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", path.join(root, "bench/baseline-server.ts")], {
    cwd: root,
    env: appEnv("postgres", target, port),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return supervise(child, `http://127.0.0.1:${port}`, "/empty");
}

/** A fresh database of each kind; PGlite's lives in a temporary data directory. */
async function freshDatabase(database: Database): Promise<{ target: string; drop: () => Promise<void> }> {
  if (database === "postgres") {
    const fresh = await freshPostgresDatabase(postgresUrl);
    return { target: fresh.url, drop: fresh.drop };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), "kinconecta-bench-"));
  return { target: dir, drop: () => rm(dir, { recursive: true, force: true }) };
}

async function seed(database: Database, target: string, tickets: number): Promise<void> {
  const started = Date.now();
  const output = await runNpmCommand(appEnv(database, target, 3000), "bench:seed", String(tickets));
  console.log(`  ${output.trim()} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function createToken(database: Database, target: string): Promise<string> {
  return (await runNpmCommand(appEnv(database, target, 3000), "token:create", "bench")).trim().split("\n").at(-1)!;
}

/** CPU time (user + system) a process and its children have used so far, in ms. */
function cpuMilliseconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    const own = ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    return own + children.reduce((sum, child) => sum + cpuMilliseconds(child), 0);
  } catch {
    return 0;
  }
}
const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"]).stdout?.toString().trim()) || 100;

/** Resident memory of a process and its children, in MB. */
function rssMegabytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(" ").filter(Boolean).map(Number);
    return own + children.reduce((sum, child) => sum + rssMegabytes(child), 0);
  } catch {
    return 0;
  }
}

// ---------- load ----------

/** Load for `seconds`, or for `{ requests }` whatever the time they take (for endpoints slower than the window). */
async function load(server: Server, endpoint: Endpoint, headers: Record<string, string>, seconds: number | { requests: number }, conns = connections): Promise<Measurement> {
  const result = await autocannon({
    url: server.url,
    connections: conns,
    ...(typeof seconds === "number" ? { duration: seconds } : { amount: seconds.requests }),
    method: endpoint.method ?? "GET",
    headers: { ...headers, ...(endpoint.body || endpoint.setup ? { "content-type": "application/json" } : {}) },
    requests: (endpoint.bodies ?? [endpoint.body]).map((body) => ({
      method: endpoint.method ?? "GET",
      path: endpoint.path,
      body,
      ...(endpoint.setup && {
        setupRequest: (request: autocannon.Request, context: object) => ({
          ...request,
          ...endpoint.setup!(context as Record<string, unknown>),
        }),
      }),
    })),
  });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    statusCodes: Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stats]) => [code, stats.count ?? 0])),
  };
}

/** Next.js loads a route's code on its first request, which can take seconds on a busy machine. */
async function firstRequest(server: Server, endpoint: Endpoint, headers: Record<string, string>): Promise<void> {
  const response = await fetch(`${server.url}${endpoint.path}`, {
    method: endpoint.method ?? "GET",
    headers: { ...headers, "content-type": "application/json" },
    body: endpoint.body,
  });
  await response.arrayBuffer();
}

/** Warms up (with `warmUp` when the endpoint changes state), then measures, recording the server's peak RSS. */
async function measure(server: Server, endpoint: Endpoint, headers: Record<string, string>, peak: { rss: number }, warmUp = endpoint): Promise<Measurement> {
  await firstRequest(server, warmUp, headers);
  await load(server, warmUp, headers, Math.max(2, Math.round(duration / 3)));
  const sampler = setInterval(() => (peak.rss = Math.max(peak.rss, rssMegabytes(server.process.pid!))), 250);
  const cpuBefore = cpuMilliseconds(server.process.pid!);
  try {
    const result = await load(server, endpoint, headers, duration);
    const requests = Object.values(result.statusCodes).reduce((sum, count) => sum + count, 0);
    return { ...result, serverCpuMsPerRequest: round((cpuMilliseconds(server.process.pid!) - cpuBefore) / Math.max(1, requests)) };
  } finally {
    clearInterval(sampler);
  }
}

// A typical ticket from the public form: about the size most real ones have.
const ticketFrom = (email: string) =>
  JSON.stringify({
    roleContext: "guide",
    fullName: "Kwame Mensah",
    email,
    subject: "Payout to my bank account is late",
    category: "Billing",
    message: "My payout for the Oaxaca food tour last week has not arrived. The dashboard says it was sent on Monday.",
  });
const ticketBody = ticketFrom("kwame.mensah@example.com");
let requesters = 0;

/** The cursor of the page that starts `depth` tickets in, found by following the Link headers. */
async function deepCursor(server: Server, auth: Record<string, string>, depth: number, filter = ""): Promise<string> {
  let next: string | null = `${server.url}/api/support-tickets?limit=100${filter}`;
  for (let read = 0; read < depth && next; read += 100) {
    const response: Response = await fetch(next, { headers: auth });
    next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get("link") ?? "")?.[1] ?? null;
  }
  if (!next) throw new Error(`fewer than ${depth} tickets`);
  return new URL(next).searchParams.get("cursor")!;
}

async function openTickets(server: Server, auth: Record<string, string>, count: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${server.url}/api/support-tickets`, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: ticketBody,
    });
    ids.push(((await response.json()) as { id: number }).id);
  }
  return ids;
}

/** Each connection moves a ticket of its own back and forth between open and in progress. */
function patchEndpoint(ids: number[]): Endpoint {
  let taken = 0;
  return {
    name: "PATCH status",
    method: "PATCH",
    path: "/api/support-tickets/0", // only to load the route before the warm-up
    body: "{}",
    // autocannon builds each request before the previous answer arrives, so the moves alternate by turn.
    bodies: [JSON.stringify({ status: "in_progress" }), JSON.stringify({ status: "open" })],
    setup: (state) => {
      state.id ??= ids[taken++ % ids.length];
      return { path: `/api/support-tickets/${state.id as number}` };
    },
  };
}

// A typical agent reply: a few sentences, emailed to the requester through the outbox like every public reply.
const replyBody = JSON.stringify({
  body: "Hi Kwame, thanks for waiting. The payout was held by your bank's verification step; we released it today and it should arrive within two working days. Reply here if it has not by Friday.",
});

/** Each connection replies on a ticket of its own, so replies do not queue for one ticket's row lock. */
function replyEndpoint(ids: number[]): Endpoint {
  let taken = 0;
  const messagesOf = (id: number) => `/api/support-tickets/${id}/messages`;
  return {
    name: "POST message",
    method: "POST",
    path: messagesOf(ids[0]!),
    body: replyBody,
    setup: (state) => {
      state.id ??= ids[taken++ % ids.length];
      return { path: messagesOf(state.id as number), body: replyBody };
    },
  };
}

/** Tickets whose conversation has `replies` agent replies after the requester's first message. */
async function conversations(server: Server, auth: Record<string, string>, count: number, replies: number): Promise<number[]> {
  const ids = await openTickets(server, auth, count);
  for (const id of ids) {
    for (let reply = 0; reply < replies; reply++) {
      const response = await fetch(`${server.url}/api/support-tickets/${id}/messages`, {
        method: "POST",
        headers: { ...auth, "content-type": "application/json" },
        body: replyBody,
      });
      if (response.status !== 201) throw new Error(`reply on ticket ${id}: ${response.status} ${await response.text()}`);
    }
  }
  return ids;
}

async function apiEndpoints(server: Server, auth: Record<string, string>, tickets: number): Promise<Endpoint[]> {
  const cursor = await deepCursor(server, auth, 10_000);
  return [
    // Each ticket from a requester of its own, as a desk's tickets come: one address's filings wait on each other (its
    // confirmation-email budget is counted under a lock), which 32 connections filing as one person would measure.
    {
      name: "POST ticket",
      method: "POST",
      path: "/api/support-tickets",
      setup: () => ({ path: "/api/support-tickets", body: ticketFrom(`requester-${++requesters}@example.com`) }),
    },
    { name: "POST ticket, one requester", method: "POST", path: "/api/support-tickets", body: ticketBody },
    { name: "GET list (first page)", path: "/api/support-tickets" },
    { name: "GET list status=open", path: "/api/support-tickets?status=open" },
    { name: "GET list q=refund", path: "/api/support-tickets?q=refund" },
    { name: "GET list 10,000 deep", path: `/api/support-tickets?cursor=${cursor}` },
    {
      name: "GET one",
      path: "/api/support-tickets/1",
      setup: () => ({ path: `/api/support-tickets/${1 + Math.floor(Math.random() * tickets)}` }),
    },
  ];
}

// ---------- parts ----------

interface ThroughputRow extends Measurement {
  endpoint: string;
  ofEmptyRoute: number;
  ofBaseline: number | null;
  /** The same ratios from server CPU time per request, which other load on the machine disturbs less. */
  ofEmptyRouteByCpu: number | null;
  ofBaselineByCpu: number | null;
  baseline: Measurement | null;
}

/**
 * The empty route is measured first, on a server that has just started, and again after everything else;
 * the better run is the ceiling the endpoints are compared with.
 */
async function measureEmptyRouteAgain(results: Map<string, Measurement>, measureEmpty: () => Promise<Measurement>): Promise<void> {
  const again = await measureEmpty();
  if (again.requestsPerSecond > results.get("empty route")!.requestsPerSecond) results.set("empty route", again);
}

async function throughput(database: Database) {
  console.log(`\n▶ throughput on ${database}: ${throughputTickets} tickets, ${connections} connections, ${duration} s each`);
  const fresh = await freshDatabase(database);
  try {
    await seed(database, fresh.target, throughputTickets);
    const token = await createToken(database, fresh.target);
    const auth = { authorization: `Bearer ${token}` };
    const app = await startApp(database, fresh.target);
    const peak = { rss: 0 };
    const appResults = new Map<string, Measurement>();
    let endpoints: Endpoint[] = [];
    try {
      endpoints = await apiEndpoints(app, auth, throughputTickets);
      const patchIds = await openTickets(app, auth, 2 * connections);
      const empty = { name: "empty route", path: "/api/bench/empty" };
      for (const endpoint of [empty, ...endpoints]) {
        appResults.set(endpoint.name, await measure(app, endpoint, auth, peak));
        console.log(`  app ${endpoint.name}: ${JSON.stringify(appResults.get(endpoint.name))}`);
      }
      // Warm-up and measurement each get tickets of their own, all starting open.
      const [warmUp, measured] = [patchEndpoint(patchIds.slice(0, connections)), patchEndpoint(patchIds.slice(connections))];
      appResults.set("PATCH status", await measure(app, measured, auth, peak, warmUp));
      console.log(`  app PATCH status: ${JSON.stringify(appResults.get("PATCH status"))}`);
      // A conversation of 10 messages (the first and 9 replies) per GET; replies on tickets of their own.
      const read = await conversations(app, auth, 20, 9);
      const replyOn = await openTickets(app, auth, connections);
      for (const endpoint of [
        replyEndpoint(replyOn),
        {
          name: "GET messages",
          path: `/api/support-tickets/${read[0]!}/messages`,
          setup: () => ({ path: `/api/support-tickets/${read[Math.floor(Math.random() * read.length)]!}/messages` }),
        },
      ]) {
        appResults.set(endpoint.name, await measure(app, endpoint, auth, peak));
        console.log(`  app ${endpoint.name}: ${JSON.stringify(appResults.get(endpoint.name))}`);
      }
      await measureEmptyRouteAgain(appResults, () => measure(app, empty, auth, peak));
      console.log(`  app empty route, best of two: ${JSON.stringify(appResults.get(empty.name))}`);
    } finally {
      await app.stop();
    }

    const baselineResults = new Map<string, Measurement>();
    if (database === "postgres") {
      const baseline = await startBaseline(fresh.target);
      try {
        const patchIds = await openTickets(baseline, auth, 2 * connections);
        const empty = { name: "empty route", path: "/empty" };
        for (const endpoint of [empty, ...(await apiEndpoints(baseline, auth, throughputTickets))]) {
          baselineResults.set(endpoint.name, await measure(baseline, endpoint, auth, { rss: 0 }));
        }
        const [warmUp, measured] = [patchEndpoint(patchIds.slice(0, connections)), patchEndpoint(patchIds.slice(connections))];
        baselineResults.set("PATCH status", await measure(baseline, measured, auth, { rss: 0 }, warmUp));
        await measureEmptyRouteAgain(baselineResults, () => measure(baseline, empty, auth, { rss: 0 }));
      } finally {
        await baseline.stop();
      }
    }

    const empty = appResults.get("empty route")!;
    const cpuRatio = (limit?: number, own?: number) => (limit && own ? round(limit / own) : null);
    const rows: ThroughputRow[] = [...appResults].map(([endpoint, result]) => {
      const baseline = baselineResults.get(endpoint) ?? null;
      return {
        endpoint,
        ...result,
        ofEmptyRoute: round(result.requestsPerSecond / empty.requestsPerSecond),
        ofBaseline: baseline ? round(result.requestsPerSecond / baseline.requestsPerSecond) : null,
        ofEmptyRouteByCpu: cpuRatio(empty.serverCpuMsPerRequest, result.serverCpuMsPerRequest),
        ofBaselineByCpu: cpuRatio(baseline?.serverCpuMsPerRequest, result.serverCpuMsPerRequest),
        baseline,
      };
    });
    return { database, tickets: throughputTickets, connections, duration, peakRssMb: Math.round(peak.rss), rows };
  } finally {
    await fresh.drop();
  }
}

/** `from` and `to` for the last `days` days up to today (UTC dates; the server counts them in its time zone). */
function reportRange(days: number): string {
  const day = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
  return new URLSearchParams({ from: day((days - 1) * 86_400_000), to: day(0) }).toString();
}

async function scale(database: Database) {
  const scaleSizes = database === "pglite" ? sizes.filter((size) => size <= 100_000) : sizes;
  console.log(`\n▶ scale on ${database}: ${scaleSizes.join(", ")} tickets, 1 connection`);
  const fresh = await freshDatabase(database);
  const rows = [];
  try {
    const token = await createToken(database, fresh.target);
    const auth = { authorization: `Bearer ${token}` };
    for (const size of scaleSizes) {
      await seed(database, fresh.target, size);
      const app = await startApp(database, fresh.target);
      try {
        const deep = size > 10_100 ? await deepCursor(app, auth, 10_000) : null;
        const queries: Array<{ name: string; params: Array<[string, string]> }> = [
          { name: "first page", params: [] },
          { name: "open, oldest first", params: [["status", "open"], ["status", "in_progress"], ["sort", "createdAt"]] },
          { name: "open, due soonest", params: [["status", "open"], ["sort", "dueAt"]] },
          { name: "all, due soonest", params: [["sort", "dueAt"]] },
          { name: "search q=refund", params: [["q", "refund"]] },
          { name: "search rare words", params: [["q", "wheelchair accessible"]] },
          ...(deep ? [{ name: "10,000 deep", params: [["cursor", deep]] as Array<[string, string]> }] : []),
        ];
        const endpoints = [
          ...queries.map((query) => ({ ...query, path: `/api/support-tickets?${new URLSearchParams(query.params)}` })),
          // The reports' summary over the last 90 days (the seeded tickets span two years), whole and by category.
          { name: "report, 90 days", path: `/api/reports/summary?${reportRange(90)}`, params: null, requests: 5 },
          { name: "report by category, 90 days", path: `/api/reports/summary?${reportRange(90)}&groupBy=category`, params: null, requests: 5 },
        ];
        for (const endpoint of endpoints) {
          // A report takes up to a second at this size: five of them, not a time window that might hold none.
          const window = "requests" in endpoint ? { requests: endpoint.requests } : Math.max(2, Math.round(duration / 2));
          await load(app, endpoint, auth, "requests" in endpoint ? { requests: 1 } : 1, 1);
          const result = await load(app, endpoint, auth, window, 1);
          const databaseMs = database === "postgres" && endpoint.params ? await executionMs(fresh.target, endpoint.params) : null;
          rows.push({ tickets: size, query: endpoint.name, ...result, databaseMs });
          console.log(`  ${size} ${endpoint.name}: p50 ${result.p50} ms, p99 ${result.p99} ms, in PostgreSQL ${databaseMs ?? "–"} ms`);
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await fresh.drop();
  }
  return { database, rows };
}

/** The median EXPLAIN ANALYZE execution time of the list's own SQL for these parameters (5 runs). */
async function executionMs(databaseUrl: string, params: Array<[string, string]>): Promise<number> {
  const query = listQueryFromUrl(new URL(`http://bench/?${new URLSearchParams(params)}`));
  const { sql: text, params: values } = ticketPageQuery(drizzle.mock({ schema, casing: "snake_case" }) as never, query).toSQL();
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      const [row] = await client.unsafe(`explain (analyze, format json) ${text}`, values as never[]);
      times.push((row!["QUERY PLAN"] as Array<{ "Execution Time": number }>)[0]!["Execution Time"]);
    }
    return round(times.sort((a, b) => a - b)[2]!);
  } finally {
    await client.end();
  }
}

/** `npm start` on an empty data directory until /api/health answers: what a newcomer waits. */
async function coldStart() {
  console.log("\n▶ cold start of npm start (PGlite, fresh data directory)");
  const dir = await mkdtemp(path.join(os.tmpdir(), "kinconecta-cold-"));
  const port = await freePort();
  const started = Date.now();
  const child = spawn("npm", ["start", "--", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...appEnv("pglite", dir, port), BENCH_ROUTES: "" },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`, child, () => "");
    const seconds = (Date.now() - started) / 1000;
    // A first start creates the embedded database (initdb), the most memory PGlite ever takes.
    const rssAfterStartMb = Math.round(rssMegabytes(child.pid!));
    console.log(`  ready in ${seconds.toFixed(2)} s, RSS ${rssAfterStartMb} MB`);
    return { seconds: round(seconds), rssAfterStartMb };
  } finally {
    // npm runs next in a child: end the whole group this script started.
    process.kill(-child.pid!, "SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Lighthouse's mobile preset on the public pages (the home page, the form, a requester's tracking page) and the
 * signed-in queue, each run `lighthouseRuns` times (scores move by a few points between runs): the median score
 * and its range. Lighthouse slows the CPU 4× from the host's; `--cpu-slowdown=` calibrates that on a faster host
 * (Lighthouse's docs/throttling.md: 4× takes a high-end desktop, benchmarkIndex 1,500–2,000, to a mid-tier phone).
 */
async function lighthouseScores() {
  console.log(`\n▶ Lighthouse (mobile, simulated throttling, CPU ${cpuSlowdown}× slower) with /usr/bin/chromium, ${lighthouseRuns} runs a page`);
  const { default: lighthouse } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const fresh = await freshDatabase("pglite");
  // The staff queue is measured signed in, with a realistic queue behind it.
  const staff = { email: "bench.admin@example.com", password: "bench-password-long-enough" };
  await seed("pglite", fresh.target, 1000);
  await runNpmCommand(appEnv("pglite", fresh.target, 3000), "staff:create", staff.email, staff.password, "--admin");
  const app = await startApp("pglite", fresh.target);
  const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify(staff),
  });
  const cookie = (signIn.headers.get("set-cookie") ?? "").split(";")[0]!;
  if (!signIn.ok || !cookie.includes("session_token=")) throw new Error(`Signing in as ${staff.email} failed: ${signIn.status}`);
  // A requester's private page, as the confirmation email links it.
  const filed = await fetch(`${app.url}/api/support-tickets`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: app.url },
    body: JSON.stringify({
      fullName: "Ana López",
      email: "ana.lopez@example.com",
      subject: "Refund for a cancelled tour",
      message: "The guide cancelled my tour to Teotihuacan two days before it and the refund has not arrived yet.",
      category: "Billing",
      roleContext: "tourist",
    }),
  });
  if (!filed.ok) throw new Error(`Filing a ticket failed: ${filed.status} ${await filed.text()}`);
  const tracking = new URL(((await filed.json()) as { trackingUrl: string }).trackingUrl);
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu"],
  });
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  const pages = [];
  try {
    for (const page of ["/", "/support/new", `${tracking.pathname}${tracking.search}`, "/staff"]) {
      const headers: Record<string, string> = page.startsWith("/staff") ? { cookie } : {};
      const status = (await fetch(`${app.url}${page}`, { redirect: "manual", headers })).status;
      if (status !== 200) {
        console.log(`  ${page}: ${status}, skipped`);
        continue;
      }
      const runs = [];
      for (let run = 0; run < lighthouseRuns; run++) {
        const result = await lighthouse(
          `${app.url}${page}`,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: headers },
          { extends: "lighthouse:default", settings: { throttling: { cpuSlowdownMultiplier: cpuSlowdown } } },
        );
        const lhr = result!.lhr;
        const requests =
          (lhr.audits["network-requests"]?.details as { items?: Array<{ resourceType?: string; transferSize?: number }> })?.items ?? [];
        runs.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          scriptBytes: requests.filter((item) => item.resourceType === "Script").reduce((sum, item) => sum + (item.transferSize ?? 0), 0),
          largestContentfulPaintMs: lhr.audits["largest-contentful-paint"]?.numericValue ?? 0,
          totalBlockingTimeMs: lhr.audits["total-blocking-time"]?.numericValue ?? 0,
          benchmarkIndex: lhr.environment.benchmarkIndex,
        });
      }
      const scores = runs.map((run) => run.performance);
      const row = {
        page: page.startsWith("/support/tickets/") ? "/support/tickets/{id}?key=…" : page,
        performance: median(scores),
        performanceRange: `${Math.min(...scores)}–${Math.max(...scores)}`,
        accessibility: Math.min(...runs.map((run) => run.accessibility)),
        firstLoadJsKb: round(median(runs.map((run) => run.scriptBytes)) / 1024),
        largestContentfulPaintMs: Math.round(median(runs.map((run) => run.largestContentfulPaintMs))),
        totalBlockingTimeMs: Math.round(median(runs.map((run) => run.totalBlockingTimeMs))),
        benchmarkIndex: Math.round(median(runs.map((run) => run.benchmarkIndex))),
      };
      console.log(`  ${JSON.stringify(row)}`);
      pages.push(row);
    }
  } finally {
    chrome.kill();
    await app.stop();
    await fresh.drop();
  }
  return { cpuSlowdown, pages };
}

/**
 * /docs/api as a new reader meets it: a browser with an empty cache, on a server that has served the page
 * once. Readable: the outline's first operation on screen; interactive: Scalar's reference in its place.
 */
async function referencePage(loads = 10) {
  console.log(`\n▶ /docs/api, ${loads} loads with an empty browser cache (PGlite)`);
  const { chromium } = await import("@playwright/test");
  const fresh = await freshDatabase("pglite");
  const app = await startApp("pglite", fresh.target);
  const browser = await chromium.launch(chromiumLaunchOptions);
  const readable: number[] = [];
  const interactive: number[] = [];
  let scriptKb = 0;
  try {
    for (let load = -1; load < loads; load++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      let scriptBytes = 0;
      page.on("response", async (response) => {
        if (response.request().resourceType() === "script") scriptBytes += (await response.request().sizes()).responseBodySize;
      });
      const started = performance.now();
      await page.goto(`${app.url}/docs/api`, { waitUntil: "commit" });
      await page.getByText("File a ticket").first().waitFor();
      const shown = performance.now() - started;
      await page.getByRole("heading", { name: "List tickets", exact: true }).waitFor({ timeout: 60_000 });
      // The first load warms the server (the route's code, the document); it is not counted.
      if (load >= 0) {
        readable.push(shown);
        interactive.push(performance.now() - started);
        scriptKb = round(scriptBytes / 1024);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await app.stop();
    await fresh.drop();
  }
  const median = (values: number[]) => Math.round(percentile([...values].sort((a, b) => a - b), 50));
  const result = {
    loads,
    readableP50Ms: median(readable),
    readableMaxMs: Math.round(Math.max(...readable)),
    interactiveP50Ms: median(interactive),
    interactiveMaxMs: Math.round(Math.max(...interactive)),
    scriptKbTransferred: scriptKb,
  };
  console.log(`  ${JSON.stringify(result)}`);
  return result;
}

// ---------- report ----------




if (!existsSync(path.join(root, ".next", "BUILD_ID")) || args.has("build")) {
  console.log("▶ next build");
  const build = spawnSync("npx", ["next", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const report = newReport(args);
const failures: string[] = [];
/** Runs one part; a part that fails is reported and the others still run. */
async function part<T>(name: string, measure: () => Promise<T>): Promise<T | undefined> {
  try {
    return await measure();
  } catch (error) {
    console.error(`✗ ${name} failed:`, error);
    failures.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
if (parts.has("throughput")) report.throughput = [];
if (parts.has("scale")) report.scale = [];
for (const database of databases as Database[]) {
  if (parts.has("throughput")) (report.throughput as unknown[]).push(await part(`throughput on ${database}`, () => throughput(database)));
  if (parts.has("scale")) (report.scale as unknown[]).push(await part(`scale on ${database}`, () => scale(database)));
}
if (parts.has("cold")) report.coldStart = await part("cold start", coldStart);
if (parts.has("lighthouse")) report.lighthouse = await part("lighthouse", lighthouseScores);
if (parts.has("reference")) report.apiReference = await part("API reference page", () => referencePage());
report.throughput = (report.throughput as unknown[] | undefined)?.filter(Boolean);
report.scale = (report.scale as unknown[] | undefined)?.filter(Boolean);
report.failures = failures;
const file = await saveReport(report);

console.log(`\n${JSON.stringify(report.machine)}`);
for (const run of (report.throughput ?? []) as Array<Awaited<ReturnType<typeof throughput>>>) {
  console.log(`\nThroughput on ${run.database} (${run.connections} connections, peak RSS ${run.peakRssMb} MB)`);
  console.log(
    table(
      run.rows.map((row) => ({
        endpoint: row.endpoint,
        "req/s": row.requestsPerSecond,
        "p50 ms": row.p50,
        "p99 ms": row.p99,
        errors: row.errors,
        "server CPU ms/req": row.serverCpuMsPerRequest ?? "",
        "× empty route": row.ofEmptyRoute,
        "× node:http": row.ofBaseline ?? "",
        "node:http req/s": row.baseline?.requestsPerSecond ?? "",
        "× empty (CPU)": row.ofEmptyRouteByCpu ?? "",
        "× node:http (CPU)": row.ofBaselineByCpu ?? "",
      })),
    ),
  );
}
for (const run of (report.scale ?? []) as Array<Awaited<ReturnType<typeof scale>>>) {
  console.log(`\nLatency by size on ${run.database} (1 connection)`);
  console.log(
    table(
      run.rows.map((row) => ({
        tickets: row.tickets,
        query: row.query,
        "p50 ms": row.p50,
        "p99 ms": row.p99,
        errors: row.errors,
        "in PostgreSQL ms": row.databaseMs ?? "",
      })),
    ),
  );
}
if (report.coldStart) {
  const cold = report.coldStart as Awaited<ReturnType<typeof coldStart>>;
  console.log(`\nCold start of npm start on a fresh data directory: ${cold.seconds} s, RSS then ${cold.rssAfterStartMb} MB`);
}
if (report.lighthouse) {
  const { cpuSlowdown: slowdown, pages } = report.lighthouse as { cpuSlowdown: number; pages: Array<Record<string, unknown>> };
  console.log(`\nLighthouse (CPU ${slowdown}× slower)\n${table(pages)}`);
}
if (report.apiReference) console.log(`\n/docs/api with an empty browser cache, ms\n${table([report.apiReference as Record<string, unknown>])}`);
console.log(`\nWrote ${file}`);
if (failures.length) {
  console.log(`\nParts that failed:\n  ${failures.join("\n  ")}`);
  process.exitCode = 1;
}
