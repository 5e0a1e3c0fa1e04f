// npm test: every check, in the order that fails fastest. Runs on PGlite, or on the PostgreSQL server
// named by DATABASE_URL (each suite creates and drops a fresh database of its own there).
// `npm test -- --from=api` starts at a later step and `--until=api-uploadthing` stops after one (CI uses both for the
// second database).
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { browserAttempts, browserInstructions } from "./browser.mjs";

const steps = [
  ["lint", "npm", ["run", "-s", "lint"]],
  // Redocly's recommended rules on the OpenAPI document, built from the code (no server, no network).
  ["openapi", "npm", ["run", "-s", "lint:openapi"]],
  ["typecheck", "npm", ["run", "-s", "typecheck"]],
  ["unit", "npx", ["vitest", "run", "--project", "unit"]],
  ["build", "npx", ["next", "build"]],
  // Before `api`, so CI's second run (`--from=api`) does not repeat it: it uses PostgreSQL either way.
  ["process", "npx", ["vitest", "run", "--project", "process"]],
  ["api", "npx", ["vitest", "run", "--project", "api"]],
  ["api-uploadthing", "npx", ["vitest", "run", "--project", "api-uploadthing"]],
  ["e2e", "npx", ["playwright", "test"]],
];

/** The index of the step named by `--<option>=`, or `fallback` without one; an unknown name ends the run. */
function stepOption(option, fallback) {
  const name = process.argv.find((arg) => arg.startsWith(`--${option}=`))?.slice(`--${option}=`.length);
  if (name === undefined) return fallback;
  const index = steps.findIndex(([step]) => step === name);
  if (index < 0) {
    console.error(`Unknown step "${name}"; steps: ${steps.map(([step]) => step).join(", ")}`);
    process.exit(2);
  }
  return index;
}
const start = stepOption("from", 0);
const end = stepOption("until", steps.length - 1);
if (end < start) {
  console.error(`--until=${steps[end][0]} comes before --from=${steps[start][0]}: no step would run`);
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

function succeeds(name, command, args, env = {}) {
  console.log(`\n▶ ${name}`);
  return spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } }).status === 0;
}

function isDebianOrUbuntu() {
  if (!existsSync("/etc/os-release")) return false;
  return /^(ID|ID_LIKE)=.*\b(debian|ubuntu)\b/m.test(readFileSync("/etc/os-release", "utf8"));
}

// The system's Chromium where there is one (playwright.config.ts uses it), else Playwright's own; else get
// one (scripts/browser.mjs decides how), else stop with instructions.
async function ensureBrowser() {
  const { chromium } = await import("@playwright/test");
  const system = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  const attempts = browserAttempts({
    systemChromium: existsSync(system) ? system : undefined,
    playwrightChromium: existsSync(chromium.executablePath()),
    root: process.getuid?.() === 0,
    aptGet: existsSync("/usr/bin/apt-get") && isDebianOrUbuntu(),
  });
  for (const attempt of attempts) {
    const installed =
      attempt === "playwright-download"
        ? succeeds("install Playwright's Chromium", "npx", ["playwright", "install", "chromium"])
        : succeeds("install Debian's chromium", "sh", ["-c", "apt-get update && apt-get install -y chromium"], {
            DEBIAN_FRONTEND: "noninteractive",
          });
    if (installed) return;
  }
  if (attempts.length > 0) {
    console.error(`\n✗ e2e cannot run\n${browserInstructions()}`);
    process.exit(1);
  }
}

// The email-in tests run a real IMAP server: Debian's Dovecot (tests/support/dovecot.ts starts a private one).
function ensureDovecot() {
  if (existsSync("/usr/sbin/dovecot")) return;
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get") && isDebianOrUbuntu();
  if (canInstall && succeeds("install Debian's dovecot-imapd", "sh", ["-c", "apt-get update && apt-get install -y dovecot-imapd"], { DEBIAN_FRONTEND: "noninteractive" })) {
    return;
  }
  console.error("\n✗ the API suite needs Dovecot for its email-in tests: install it (`sudo apt-get install dovecot-imapd`), then `npm test -- --from=api`");
  process.exit(1);
}

const database = process.env.DATABASE_URL ? "PostgreSQL" : "PGlite";
if (!existsSync(".next/BUILD_ID") && start > steps.findIndex(([name]) => name === "build")) {
  console.error("No production build: run the full `npm test` (or `npm run build`) first.");
  process.exit(2);
}
for (const [name, command, args] of steps.slice(start, end + 1)) {
  console.log(`\n▶ ${name} (${database})`);
  if (name === "e2e") await ensureBrowser();
  if (name === "api") ensureDovecot();
  run(name, command, args);
}
