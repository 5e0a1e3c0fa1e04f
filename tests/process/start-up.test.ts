// A bad setting stops the server before it listens, and every command, with a message naming the
// setting; DATABASE_URL alone is enough on PostgreSQL, the instances sharing the secret they keep there.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedTicket } from "../reliability/app-process";
import { POSTGRES_SERVER_URL, freePort, freshPostgresDatabase, spawnApp, waitForHealth } from "../support/test-server";

const root = path.resolve(import.meta.dirname, "../..");
let dataDir: string;
let baseEnv: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "kinconecta-start-up-"));
  baseEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOSTNAME: "127.0.0.1",
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    APP_SECRET: "",
    RATE_LIMITS: "off",
    NEXT_TELEMETRY_DISABLED: "1",
  };
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Starts server.mjs and watches its port until it exits (or, wrongly, listens). */
async function startServer(env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string; listened: boolean }> {
  const child = spawn(process.execPath, [path.join(root, "server.mjs")], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const port = Number(env.PORT);
  let listened = false;
  while (child.exitCode === null && child.signalCode === null && !listened) {
    if (Number.isInteger(port) && (await accepts(port))) listened = true;
    else await sleep(25);
  }
  if (listened) child.kill("SIGKILL");
  return { code: await exited, output, listened };
}

/** Runs an npm command (as an operator would) and collects its exit code and output. */
function runCommand(env: NodeJS.ProcessEnv, script: string, ...args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile("npm", ["run", "-s", script, "--", ...args], { cwd: root, env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }),
    );
  });
}

async function closedPortUrl(): Promise<string> {
  return `postgres://postgres@127.0.0.1:${await freePort()}/kinconecta`;
}

describe("a bad setting stops the server before it listens, naming the setting", () => {
  const cases: Array<[string, () => Promise<Record<string, string>>, RegExp]> = [
    ["a short APP_SECRET", async () => ({ APP_SECRET: "too-short" }), /APP_SECRET: must be at least 32 characters/],
    ["a malformed rate limit", async () => ({ RATE_LIMIT_PUBLIC_CREATE: "bogus" }), /RATE_LIMIT_PUBLIC_CREATE: must look like 10\/1m/],
    ["a negative pool size", async () => ({ DATABASE_POOL_SIZE: "-3" }), /DATABASE_POOL_SIZE: /],
    ["a port that is no number", async () => ({ PORT: "abc" }), /PORT: /],
    ["a database nobody listens for", async () => ({ DATABASE_URL: await closedPortUrl() }), /DATABASE_URL: could not connect to 127\.0\.0\.1:\d+\/kinconecta/],
  ];
  for (const [name, settings, message] of cases) {
    it(name, async () => {
      const env = { ...baseEnv, PORT: String(await freePort()), ...(await settings()) };
      const result = await startServer(env);
      expect(result.listened, result.output).toBe(false);
      expect(result.code, result.output).not.toBe(0);
      expect(result.output).toMatch(message);
      expect(result.output).toContain("The server cannot start.");
    });
  }
});

describe("a bad setting stops a command, naming the setting", () => {
  it("a malformed rate limit", async () => {
    const result = await runCommand({ ...baseEnv, RATE_LIMIT_PUBLIC_CREATE: "bogus" }, "token:create", "start-up test");
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/RATE_LIMIT_PUBLIC_CREATE: must look like/);
  });

  it("a database nobody listens for", async () => {
    const result = await runCommand({ ...baseEnv, DATABASE_URL: await closedPortUrl() }, "db:migrate");
    expect(result.code, result.output).not.toBe(0);
    expect(result.output).toMatch(/DATABASE_URL: could not connect/);
  });
});

describe("the secret kept for the instances (PostgreSQL, no APP_SECRET)", () => {
  const databases: Array<{ url: string; drop: () => Promise<void> }> = [];
  const children: ChildProcess[] = [];
  async function freshDatabase(): Promise<string> {
    const database = await freshPostgresDatabase(POSTGRES_SERVER_URL);
    databases.push(database);
    return database.url;
  }
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((r) => child.once("exit", r)) : null)));
    for (const database of databases) await database.drop();
  });

  it("is the same for two instances started at once: a tracking link made by one opens on the other", async () => {
    const env = { ...baseEnv, DATABASE_URL: await freshDatabase() };
    const instances = await Promise.all(
      [0, 1].map(async () => {
        const port = await freePort();
        const baseURL = `http://127.0.0.1:${port}`;
        let output = "";
        const child = spawnApp({ ...env, APP_URL: baseURL }, port);
        children.push(child);
        child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
        return { child, baseURL, output: () => output };
      }),
    );
    await Promise.all(instances.map((instance) => waitForHealth(instance.baseURL, instance.child, instance.output)));
    const [first, second] = instances as [(typeof instances)[0], (typeof instances)[0]];

    const created = await fetch(`${first.baseURL}/api/support-tickets`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(seedTicket("shared-secret", 1)),
    });
    expect(created.status).toBe(201);
    const { trackingUrl } = (await created.json()) as { trackingUrl: string };
    const onSecond = new URL(trackingUrl);
    onSecond.host = new URL(second.baseURL).host;
    const page = await fetch(onSecond);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Ticket 1 of shared-secret");
  });

  it("refuses a stored secret shorter than 32 characters, in the server and in a command", async () => {
    const env = { ...baseEnv, DATABASE_URL: await freshDatabase() };
    expect((await runCommand(env, "db:migrate")).code).toBe(0);
    const sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
    await sql`update app_settings set value = 'short' where key = 'app_secret'`;
    await sql.end();

    const server = await startServer({ ...env, PORT: String(await freePort()) });
    expect(server.listened, server.output).toBe(false);
    expect(server.code).not.toBe(0);
    expect(server.output).toMatch(/APP_SECRET: not set, and the secret stored in the database \(table app_settings/);
    const command = await runCommand(env, "token:create", "start-up test");
    expect(command.code).not.toBe(0);
    expect(command.output).toMatch(/APP_SECRET: not set, and the secret stored in the database/);
  });

  it("refuses an earlier version's empty DATA_DIR/app-secret, naming the file", async () => {
    const legacyDataDir = await mkdtemp(path.join(tmpdir(), "kinconecta-legacy-"));
    await writeFile(path.join(legacyDataDir, "app-secret"), "");
    try {
      const env = { ...baseEnv, DATA_DIR: legacyDataDir, DATABASE_URL: await freshDatabase(), PORT: String(await freePort()) };
      const server = await startServer(env);
      expect(server.listened, server.output).toBe(false);
      expect(server.code).not.toBe(0);
      expect(server.output).toContain(`APP_SECRET: not set, and ${path.join(legacyDataDir, "app-secret")}`);
    } finally {
      await rm(legacyDataDir, { recursive: true, force: true });
    }
  });
});
