const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";

/** Thrown without asking the database while it is known to be unreachable (db/circuit-breaker.ts). */
export class DatabaseUnavailableError extends Error {
  readonly code = DATABASE_UNAVAILABLE;
  constructor() {
    super("The database is unreachable; failing fast until it answers again");
    this.name = "DatabaseUnavailableError";
  }
}

/** Codes that mean the connection could not be made or was lost. */
const CONNECTION_LOST_CODES = new Set([
  // postgres driver
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  // PostgreSQL: shutting down, starting up, too many connections
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
  }
  return codes;
}

/** Whether the database itself went away (as opposed to one query failing), so others should not wait for it. */
export function isConnectionLost(error: unknown): boolean {
  return codesOf(error).some((code) => CONNECTION_LOST_CODES.has(code) || code.startsWith("08"));
}

/** Whether an error means "the database cannot serve right now" (a 503, not a bug). */
export function isDatabaseUnavailable(error: unknown): boolean {
  // By code, not instanceof: Next.js bundles this module into several chunks, each with its own class.
  const codes = codesOf(error);
  return (
    codes.includes(DATABASE_UNAVAILABLE) ||
    isConnectionLost(error) ||
    // statement_timeout (db/postgres.ts): a database too busy to answer in time
    codes.includes("57014")
  );
}
