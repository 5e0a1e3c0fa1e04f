import "server-only";
import { BlockList, isIP } from "node:net";
import { type RateLimiterAbstract, RateLimiterDrizzle, RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { getDb } from "@/db";
import { rateLimits } from "@/db/schema";
import { type Actor, actorScope } from "@/lib/auth/actor";
import { env, type RateLimitWindow } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { networkOf } from "./ip-network";

/**
 * Request budgets (SPEC "Operations"), shared by every app instance through PostgreSQL/PGlite, or
 * Redis when REDIS_URL is set. Every limited response carries the IETF RateLimit-Policy and
 * RateLimit headers (draft-ietf-httpapi-ratelimit-headers); over budget is a 429 with Retry-After.
 */
type RateLimitPolicyName = "public" | "public-create" | "authenticated" | "sign-in" | "sign-in-account" | "sign-in-address";

const POLICIES: Record<RateLimitPolicyName, readonly RateLimitWindow[]> = {
  public: env.RATE_LIMIT_PUBLIC,
  "public-create": env.RATE_LIMIT_PUBLIC_CREATE,
  authenticated: env.RATE_LIMIT_AUTHENTICATED,
  "sign-in": env.RATE_LIMIT_SIGN_IN,
  "sign-in-account": env.RATE_LIMIT_SIGN_IN_ACCOUNT,
  "sign-in-address": env.RATE_LIMIT_SIGN_IN_ADDRESS,
};

/**
 * server.mjs copies each connection's address into this header, overwriting whatever a client sent,
 * because route handlers never see the socket. It marks the process so a bare `next start`, where a
 * client could send the header itself, is not believed.
 */
const PEER_ADDRESS_HEADER = "x-kinconecta-peer-address";
const PEER_ADDRESS_MARK = Symbol.for("kinconecta.peerAddressHeader");

interface Limiter {
  window: RateLimitWindow;
  limiter: RateLimiterAbstract;
}

type CreateLimiter = (window: RateLimitWindow, keyPrefix: string) => RateLimiterAbstract;

// Kept on globalThis: each route is bundled separately, and all of them should share one store client.
const globalForLimits = globalThis as unknown as {
  kinconectaLimitStore?: Promise<CreateLimiter>;
  kinconectaLimiters?: Map<RateLimitPolicyName, Promise<Limiter[]>>;
  [PEER_ADDRESS_MARK]?: boolean;
};

async function createStore(): Promise<CreateLimiter> {
  if (env.REDIS_URL) {
    const { Redis } = await import("ioredis");
    // Commands wait for the connection (the first requests after start count too); while Redis is down
    // they fail after one retry and the request goes through uncounted.
    const client = new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1 });
    client.on("error", (error) => console.error("Rate-limit store (Redis) error", error));
    return ({ points, seconds }, keyPrefix) =>
      new RateLimiterRedis({ storeClient: client, keyPrefix, points, duration: seconds });
  }
  const db = await getDb();
  return ({ points, seconds }, keyPrefix) =>
    new RateLimiterDrizzle({ storeClient: db, schema: rateLimits, keyPrefix, points, duration: seconds });
}

function limitersFor(policy: RateLimitPolicyName): Promise<Limiter[]> {
  const cache = (globalForLimits.kinconectaLimiters ??= new Map());
  let limiters = cache.get(policy);
  if (!limiters) {
    globalForLimits.kinconectaLimitStore ??= createStore();
    limiters = globalForLimits.kinconectaLimitStore.then((create) =>
      POLICIES[policy].map((window) => ({ window, limiter: create(window, `kinconecta:rl:${policy}:${window.seconds}`) })),
    );
    cache.set(policy, limiters);
  }
  return limiters;
}

// The headers a limited request answers with, kept until `addRateLimitHeaders` puts them on its response.
const pendingHeaders = new WeakMap<Request, Record<string, string>>();

function windowName(policy: RateLimitPolicyName, { seconds }: RateLimitWindow): string {
  return `${policy}-${seconds}s`;
}

interface Budget {
  policy: RateLimitPolicyName;
  key: string;
}

/**
 * Spends one request of every budget; throws a 429 when any window of any of them is used up. When the
 * store cannot be reached, `whenStoreIsDown` decides: let the request through uncounted, or refuse it (503).
 */
async function consume(request: Request, budgets: Budget[], whenStoreIsDown: "let-through" | "refuse"): Promise<void> {
  if (env.RATE_LIMITS === "off") return;
  const checks = (
    await Promise.all(
      budgets.map(async ({ policy, key }) => (await limitersFor(policy)).map((limiter) => ({ policy, key, ...limiter }))),
    )
  ).flat();
  const outcomes = await Promise.allSettled(checks.map(({ limiter, key }) => limiter.consume(key)));

  const states: Array<{ name: string; window: RateLimitWindow; remaining: number; resetSeconds: number; exceeded: boolean }> = [];
  for (const [index, outcome] of outcomes.entries()) {
    const result = outcome.status === "fulfilled" ? outcome.value : outcome.reason;
    const { policy, window } = checks[index]!;
    if (!(result instanceof RateLimiterRes)) {
      if (whenStoreIsDown === "refuse") {
        console.error(`Rate limit "${policy}" could not be checked; refusing the request`, result);
        throw new AppError("unavailable", "Sign-in is paused because its attempt limits cannot be checked; try again shortly", {
          retryAfterSeconds: 5,
        });
      }
      // The store is down: serving requests matters more than counting them.
      console.error(`Rate limit "${policy}" could not be checked; letting the request through`, result);
      return;
    }
    states.push({
      name: windowName(policy, window),
      window,
      remaining: result.remainingPoints,
      resetSeconds: Math.max(1, Math.ceil(result.msBeforeNext / 1000)),
      exceeded: outcome.status === "rejected",
    });
  }
  pendingHeaders.set(request, {
    "ratelimit-policy": states.map(({ name, window }) => `"${name}";q=${window.points};w=${window.seconds}`).join(", "),
    ratelimit: states.map((s) => `"${s.name}";r=${s.remaining};t=${s.resetSeconds}`).join(", "),
  });

  const exceeded = states.filter((state) => state.exceeded);
  if (exceeded.length > 0) {
    const retryAfterSeconds = Math.max(...exceeded.map((state) => state.resetSeconds));
    throw new AppError("rate_limited", `Too many requests; try again in ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

/**
 * A route's budget: by default its caller's (`caller`); `public-create` gives anonymous callers the
 * stricter budget for filing tickets; `{ off }` exempts a route and says why.
 */
export type RequestLimit = "caller" | "public-create" | { off: string };

/**
 * Counts a request against its caller's budget: anonymous callers and requesters (tracking key) per
 * client address, API tokens and staff sessions each on their own.
 */
export function limitRequest(request: Request, actor: Actor, limit: RequestLimit = "caller"): Promise<void> {
  if (typeof limit === "object") return Promise.resolve();
  const budget: Budget =
    actor.kind === "token" || actor.kind === "staff"
      ? { policy: "authenticated", key: actorScope(actor) }
      : { policy: actor.kind === "public" && limit === "public-create" ? "public-create" : "public", key: clientNetwork(request) };
  return consume(request, [budget], "let-through");
}

/**
 * Counts a sign-in attempt (call it before checking the password) per account and address, per account
 * from every address, and per address on every account. Unlike other requests, an attempt the store
 * cannot count is refused: an outage must not open the way to unlimited password guessing.
 */
export function limitSignIn(request: Request, account: string): Promise<void> {
  const normalisedAccount = account.trim().toLowerCase();
  const address = clientNetwork(request);
  return consume(
    request,
    [
      { policy: "sign-in", key: `${normalisedAccount}|${address}` },
      { policy: "sign-in-account", key: normalisedAccount },
      { policy: "sign-in-address", key: address },
    ],
    "refuse",
  );
}

/** Adds the RateLimit headers recorded for this request, if any, to its response's headers. */
export function addRateLimitHeaders(request: Request, headers: Headers): void {
  for (const [name, value] of Object.entries(pendingHeaders.get(request) ?? {})) headers.set(name, value);
}

let trustedProxies: BlockList | undefined;

function isTrustedProxy(address: string): boolean {
  if (!trustedProxies) {
    trustedProxies = new BlockList();
    for (const entry of env.TRUSTED_PROXIES) {
      const [network = "", prefix] = entry.split("/");
      const family = isIP(network) === 6 ? "ipv6" : "ipv4";
      if (prefix === undefined) trustedProxies.addAddress(network, family);
      else trustedProxies.addSubnet(network, Number(prefix), family);
    }
  }
  const family = isIP(address);
  return family !== 0 && trustedProxies.check(address, family === 6 ? "ipv6" : "ipv4");
}

let warnedAboutPeerAddress = false;

/**
 * The caller's address as budgets and scopes count it. An IPv6 address counts as its /64 network, which
 * one subscriber usually has whole (any of its 2^64 addresses would otherwise get a budget of its own);
 * an IPv4-mapped IPv6 address counts as its IPv4 address.
 */
export function clientNetwork(request: Request): string {
  return networkOf(clientAddress(request));
}

/**
 * The caller's address (as the audit log records it): the connection's, unless that is a trusted proxy,
 * in which case the nearest X-Forwarded-For entry that is not itself a trusted proxy.
 */
export function clientAddress(request: Request): string {
  let address = request.headers.get(PEER_ADDRESS_HEADER);
  if (!globalForLimits[PEER_ADDRESS_MARK] || !address) {
    if (!warnedAboutPeerAddress && process.env.NODE_ENV === "production") {
      console.warn("Started without server.mjs (npm start): client addresses come from X-Forwarded-For and can be spoofed");
      warnedAboutPeerAddress = true;
    }
    // `next dev`/`next start` put the socket address here only when the client sent none.
    return request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || "unknown";
  }
  address = address.replace(/^::ffff:/, "");
  const forwarded = (request.headers.get("x-forwarded-for") ?? "").split(",").map((entry) => entry.trim());
  while (isTrustedProxy(address) && forwarded.length > 0) {
    const next = forwarded.pop()!;
    if (isIP(next) === 0) break;
    address = next.replace(/^::ffff:/, "");
  }
  return address;
}
