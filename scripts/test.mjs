// npm test: every check, in the order that fails fastest. Runs on PGlite, or on the PostgreSQL
// server named by DATABASE_URL (the suites create and drop a fresh database of their own there).
import { spawnSync } from "node:child_process";

const steps = [
  ["lint", "npm", ["run", "-s", "lint"]],
  ["typecheck", "npm", ["run", "-s", "typecheck"]],
  ["unit tests", "npx", ["vitest", "run", "--project", "unit"]],
  ["production build", "npx", ["next", "build"]],
  ["API tests (HTTP, built app)", "npx", ["vitest", "run", "--project", "api"]],
  ["attachment API tests on the UploadThing stand-in", "npx", ["vitest", "run", "--project", "api-uploadthing"]],
  ["browser tests (Playwright)", "npx", ["playwright", "test"]],
];

const database = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
for (const [name, command, args] of steps) {
  console.log(`\n▶ ${name} (${database})`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
