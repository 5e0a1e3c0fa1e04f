// Starts the built app on a fresh embedded database (or a fresh PostgreSQL database when DATABASE_URL
// is set) for the HTTP and browser suites, and stops it again. Test code only.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");

export interface TestServer {
  baseURL: string;
  /** The app's process id (the benchmark reads its memory use). */
  pid: number;
  env: NodeJS.ProcessEnv;
  /** What the app has written to stdout and stderr so far. */
  log: () => string;
  stop: () => Promise<void>;
}

/** The PostgreSQL server the suites use: DATABASE_URL, or the local one these machines run. */
export const POSTGRES_SERVER_URL = process.env.DATABASE_URL || "postgres://postgres@127.0.0.1:5432/test";

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A database of its own on the PostgreSQL server named by `DATABASE_URL`, dropped at the end. */
export async function freshPostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kinconecta_test_${process.pid}_${Date.now()}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const cleanup = postgres(url, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists "${name}" with (force)`);
      await cleanup.end();
    },
  };
}

/** Runs one of the project's npm commands (e.g. token:create) against the test database. */
export async function runNpmCommand(env: NodeJS.ProcessEnv, script: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("npm", ["run", "-s", script, "--", ...args], { cwd: root, env });
  return stdout;
}

export async function waitForHealth(baseURL: string, server: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The app exited with ${server.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The app did not become healthy within 60 s:\n${output()}`);
}

/** `npm start`'s server.mjs run directly (not through npm, which leaves a child server behind), so its PID stops it. */
export function spawnApp(env: NodeJS.ProcessEnv, port: number): ChildProcess {
  return spawn(process.execPath, [path.join(root, "server.mjs")], {
    cwd: root,
    env: { ...env, NODE_ENV: "production", HOSTNAME: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export interface TestServerOptions {
  /** Runs CLI commands (which must not share PGlite with a running server) before the app starts. */
  beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void>;
  extraEnv?: Record<string, string | undefined>;
  /** Use PGlite even when DATABASE_URL names a PostgreSQL server. */
  embedded?: boolean;
  /** Run as a second instance on this server's PostgreSQL database (which that server drops). */
  shareDatabaseWith?: TestServer;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    throw new Error("No production build found: run `npm run build` first (npm test does this for you).");
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), "kinconecta-test-"));
  const sharedDatabaseUrl = options.shareDatabaseWith?.env.DATABASE_URL;
  if (options.shareDatabaseWith && !sharedDatabaseUrl) throw new Error("Only a PostgreSQL database can be shared");
  const database =
    process.env.DATABASE_URL && !options.embedded && !sharedDatabaseUrl
      ? await freshPostgresDatabase(process.env.DATABASE_URL)
      : undefined;
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: sharedDatabaseUrl ?? database?.url ?? "",
    APP_URL: baseURL,
    PORT: String(port),
    RATE_LIMITS: "off",
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.extraEnv,
  };
  await options.beforeStart?.(env);

  let log = "";
  const server = spawnApp(env, port);
  server.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const stop = async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (process.env.TEST_SERVER_LOG) console.log(log);
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseURL, server, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, pid: server.pid!, env, log: () => log, stop };
}
