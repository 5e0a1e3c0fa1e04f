import { describe, expect, it } from "vitest";
import { CircuitBreaker } from "./circuit-breaker";
import { DatabaseUnavailableError, isDatabaseUnavailable } from "./unavailable";

const lost = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
const quiet = { error: () => {}, log: () => {} };

async function eventually(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("condition not met within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function isOpen(breaker: CircuitBreaker): boolean {
  try {
    breaker.check();
    return false;
  } catch {
    return true;
  }
}

describe("the database circuit breaker", () => {
  it("lets calls through while the database answers, also after an ordinary query error", () => {
    const breaker = new CircuitBreaker(async () => {}, quiet);
    breaker.record(Object.assign(new Error("duplicate key"), { code: "23505" }));
    expect(() => breaker.check()).not.toThrow();
  });

  it("fails calls at once after a lost connection, with an error that is a 503, until one probe gets an answer", async () => {
    let databaseUp = false;
    let probes = 0;
    const breaker = new CircuitBreaker(async () => {
      probes++;
      if (!databaseUp) throw lost;
    }, quiet);
    breaker.record(lost);
    breaker.record(lost); // a second failure starts no second probe
    expect(() => breaker.check()).toThrow(DatabaseUnavailableError);
    expect(isDatabaseUnavailable(new DatabaseUnavailableError())).toBe(true);
    // as another chunk's copy of the class arrives at the error handler, wrapped by drizzle
    const fromAnotherBundle = Object.assign(new Error("unreachable"), { code: "DATABASE_UNAVAILABLE" });
    expect(isDatabaseUnavailable(new Error("Failed query", { cause: fromAnotherBundle }))).toBe(true);

    await eventually(() => probes >= 2);
    expect(isOpen(breaker)).toBe(true);
    databaseUp = true;
    await eventually(() => !isOpen(breaker));
    const probesWhenClosed = probes;
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(probes, "probing stops once the database answers").toBe(probesWhenClosed);
  });

  it("stops probing when the connection is closed", async () => {
    let probes = 0;
    const breaker = new CircuitBreaker(async () => {
      probes++;
      throw lost;
    }, quiet);
    breaker.record(lost);
    breaker.stop();
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(probes).toBeLessThanOrEqual(1);
  });
});
