import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const script = path.join(import.meta.dirname, "test.mjs");
const runWith = (...args) => spawnSync(process.execPath, [script, ...args], { encoding: "utf8" });

describe("npm test's step options", () => {
  it("refuses a range that would run no step, rather than pass having checked nothing", () => {
    const result = runWith("--from=api", "--until=unit");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("--until=unit comes before --from=api");
  });

  it("refuses an unknown step and lists the steps", () => {
    const result = runWith("--until=e2e-firefox");
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Unknown step "e2e-firefox"; steps: lint');
  });
});
