// A restartable app process for the reliability suite: the same data directory or database across
// kills and restarts, unlike the HTTP suite's one-shot server.
import type { ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { POSTGRES_SERVER_URL, freePort, freshPostgresDatabase, runNpmCommand, spawnApp, waitForHealth } from "../support/test-server";

export type BackendName = "PGlite" | "PostgreSQL";

export interface Backend {
  name: BackendName;
  env: NodeJS.ProcessEnv;
  token: string;
  databaseUrl?: string;
  cleanup: () => Promise<void>;
}

export async function prepareBackend(name: BackendName, extraEnv: Record<string, string> = {}): Promise<Backend> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "kinconecta-reliability-"));
  const database = name === "PostgreSQL" ? await freshPostgresDatabase(POSTGRES_SERVER_URL) : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    DATABASE_URL: database?.url ?? "",
    RATE_LIMITS: "off",
    NEXT_TELEMETRY_DISABLED: "1",
    ...extraEnv,
  };
  const output = await runNpmCommand(env, "token:create", "reliability suite");
  return {
    name,
    env,
    token: output.trim().split("\n").at(-1)!,
    databaseUrl: database?.url,
    cleanup: async () => {
      await database?.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export class AppProcess {
  private log = "";
  readonly exited: Promise<number | null>;

  private constructor(
    readonly child: ChildProcess,
    readonly baseURL: string,
  ) {
    child.stdout!.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
    this.exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  /** `appUrl`: the public base URL when the app sits behind a balancer (tests/scale); by default its own address. */
  static async start(env: NodeJS.ProcessEnv, port?: number, appUrl?: string): Promise<AppProcess> {
    const chosen = port ?? (await freePort());
    const baseURL = `http://127.0.0.1:${chosen}`;
    const app = new AppProcess(spawnApp({ ...env, PORT: String(chosen), APP_URL: appUrl ?? baseURL }, chosen), baseURL);
    await waitForHealth(baseURL, app.child, () => app.output);
    return app;
  }

  get output(): string {
    return this.log;
  }

  /** Resident memory of the server process in MiB (Linux). */
  rssMiB(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, "utf8");
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  }

  async stop(signal: NodeJS.Signals = "SIGTERM"): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}

export function seedTicket(marker: string, index: number) {
  return {
    roleContext: index % 2 ? "guide" : "tourist",
    fullName: `Reliability ${index}`,
    email: `${marker}@example.com`,
    subject: `Ticket ${index} of ${marker}`,
    category: "Technical Issue",
    message: `Message ${index}: the app must keep this ticket through crashes.`,
    // Written in English, so its emails are too (tickets default to DEFAULT_LOCALE, Spanish).
    locale: "en",
  };
}

/** Every ticket of one requester, across pages. */
export async function ticketsOf(baseURL: string, token: string, email: string): Promise<Array<Record<string, unknown>>> {
  const tickets: Array<Record<string, unknown>> = [];
  let url: string | null = `${baseURL}/api/support-tickets?limit=100&email=${encodeURIComponent(email)}`;
  while (url) {
    const response: Response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`list failed: ${response.status} ${await response.text()}`);
    tickets.push(...((await response.json()) as Array<Record<string, unknown>>));
    const link = response.headers.get("link");
    url = link ? /<([^>]+)>/.exec(link)![1]! : null;
  }
  return tickets;
}
