// npm test: every check, in the order that fails fastest. Runs on PGlite, or on the PostgreSQL server
// named by DATABASE_URL (each suite creates and drops a fresh database of its own there).
// `npm test -- --from=api` starts at a later step (CI uses it for the second database).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const steps = [
  ["lint", "npm", ["run", "-s", "lint"]],
  ["typecheck", "npm", ["run", "-s", "typecheck"]],
  ["unit", "npx", ["vitest", "run", "--project", "unit"]],
  ["build", "npx", ["next", "build"]],
  ["api", "npx", ["vitest", "run", "--project", "api"]],
  ["api-uploadthing", "npx", ["vitest", "run", "--project", "api-uploadthing"]],
  ["e2e", "npx", ["playwright", "test"]],
];

const from = process.argv.find((arg) => arg.startsWith("--from="))?.slice("--from=".length);
const start = from ? steps.findIndex(([name]) => name === from) : 0;
if (start < 0) {
  console.error(`Unknown step "${from}"; steps: ${steps.map(([name]) => name).join(", ")}`);
  process.exit(2);
}

function run(name, command, args) {
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) {
    console.error(`\n✗ ${name} failed`);
    process.exit(result.status ?? 1);
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

// Use the system's Chromium where there is one (playwright.config.ts); elsewhere Playwright's own.
function ensureBrowser() {
  const system = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (existsSync(system)) return;
  run("install Playwright's Chromium", "npx", ["playwright", "install", "chromium"]);
}

const database = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
if (!existsSync(".next/BUILD_ID") && start > steps.findIndex(([name]) => name === "build")) {
  console.error("No production build: run the full `npm test` (or `npm run build`) first.");
  process.exit(2);
}
for (const [name, command, args] of steps.slice(start)) {
  console.log(`\n▶ ${name} (${database})`);
  if (name === "e2e") ensureBrowser();
  run(name, command, args);
}
