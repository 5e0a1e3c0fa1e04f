import type { Sql, TransactionSql } from "postgres";
import { CircuitBreaker } from "./circuit-breaker";
import type { Connection, Database } from "./index";
import { migratePostgres } from "./migrate";
import * as schema from "./schema";

// Bounded waits, so that a database that is down or stuck costs a request seconds, not minutes.
// (The statement timeout is DATABASE_STATEMENT_TIMEOUT_MS.)
const CONNECT_TIMEOUT_SECONDS = 2;
// Idle connections are closed, so none is left half-dead after an outage.
const IDLE_TIMEOUT_SECONDS = 30;

/** Where a URL points, without its password, for messages. */
function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

function reasonOf(error: unknown): string {
  // Node reports a refused "localhost" (tried on ::1 and 127.0.0.1) as an AggregateError with no message.
  const { message, code } = error as { message?: string; code?: string };
  return message || code || String(error);
}

/** Checks that the database answers, then migrates it, on connections of their own that need no statement timeout. */
async function prepareDatabase(url: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, { max: 2, connect_timeout: CONNECT_TIMEOUT_SECONDS, onnotice: () => {} });
  try {
    try {
      await client`select 1`;
    } catch (error) {
      throw new Error(`DATABASE_URL: could not connect to ${describeUrl(url)}: ${reasonOf(error)}`, { cause: error });
    }
    await migratePostgres(client, drizzle(client, { schema, casing: "snake_case" }));
  } finally {
    await client.end({ timeout: 5 });
  }
}

export async function connectPostgres(
  url: string,
  { poolSize, statementTimeoutMs }: { poolSize: number; statementTimeoutMs: number },
): Promise<Connection> {
  await prepareDatabase(url);
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const client = postgres(url, {
    max: poolSize,
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    idle_timeout: IDLE_TIMEOUT_SECONDS,
    // The circuit breaker spaces the attempts while the database is down; the driver's own growing
    // delay (up to 20 s) would only hold back the first requests after it is back.
    backoff: () => 0,
    connection: { statement_timeout: statementTimeoutMs },
    onnotice: () => {},
  });
  const breaker = new CircuitBreaker(() => client.unsafe("select 1"));
  const guarded = failingFast(preparingStatements(client), breaker);
  const db = drizzle(guarded, { schema, casing: "snake_case" });
  return {
    db: db as unknown as Database,
    ping: async () => void (await guarded.unsafe("select 1")),
    close: async () => {
      breaker.stop();
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * The calls drizzle makes (`unsafe` for a query, `begin` for a transaction), refused at once while
 * the breaker is open, and their failures reported to it.
 */
function failingFast(client: Sql, breaker: CircuitBreaker): Sql {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (property === "unsafe") {
        return (...args: Parameters<Sql["unsafe"]>) => {
          breaker.check();
          return reportingFailures(target.unsafe(...args), breaker);
        };
      }
      if (property === "begin") {
        return (...args: unknown[]) => {
          breaker.check();
          return (value as (...args: unknown[]) => Promise<unknown>).apply(target, args).catch((error: unknown) => {
            breaker.record(error);
            throw error;
          });
        };
      }
      return value;
    },
  });
}

/** The same lazy query (drizzle still calls `.values()` on it), with a rejection reported to the breaker on the way. */
function reportingFailures<Query extends PromiseLike<unknown>>(query: Query, breaker: CircuitBreaker): Query {
  const then = query.then.bind(query);
  return Object.assign(query, {
    then: ((onFulfilled, onRejected) =>
      then(onFulfilled, (error: unknown) => {
        breaker.record(error);
        if (onRejected) return onRejected(error);
        throw error;
      })) as Query["then"],
  });
}

type PostgresClient = Sql | TransactionSql;

/**
 * drizzle's postgres-js driver sends each query as an unnamed statement, which PostgreSQL parses and
 * plans again every time, unless the query was built with `.prepare()`. postgres-js keeps named
 * statements per connection, keyed by their SQL text, and ours are a small fixed set (values are always
 * parameters), so this client prepares every statement, in transactions too. On 2 cores, where the
 * database shares the CPU with the app, that is a third more requests per second (bench/README.md).
 * `?prepare=false` in DATABASE_URL turns it off (for poolers that cannot keep named statements).
 */
function preparingStatements<Client extends PostgresClient>(client: Client): Client {
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property);
      if (typeof value !== "function") return value;
      if (property === "unsafe") {
        return (query: string, parameters?: never[], options?: object) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      if (property === "begin" || property === "savepoint") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (inner: PostgresClient) => unknown;
          return (value as (...args: unknown[]) => unknown).call(target, ...args, (inner: PostgresClient) =>
            callback(preparingStatements(inner)),
          );
        };
      }
      return value.bind(target);
    },
  });
}
