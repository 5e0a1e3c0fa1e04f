// Several instances of the built app on one PostgreSQL database and one Redis, behind a real HAProxy started
// from deploy/haproxy.cfg (the documented config, with loopback addresses swapped in). Test code only.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { AppProcess, type Backend, prepareBackend } from "../reliability/app-process";
import { eventually } from "../support/eventually";
import { freePort } from "../support/test-server";

export const HAPROXY = process.env.HAPROXY_PATH ?? "/usr/sbin/haproxy";
/** Redis database 7 is this suite's (the API suite's rate-limit tests use 0 and clear it). */
export const SCALE_REDIS_URL = process.env.SCALE_REDIS_URL ?? "redis://127.0.0.1:6379/7";
const CONFIG = path.resolve(import.meta.dirname, "../../deploy/haproxy.cfg");

/** The documented config with this machine's addresses: only `bind`, `server` addresses and the stats socket change. */
export function balancerConfig(listenPort: number, instancePorts: number[], socketPath: string): string {
  const documented = readFileSync(CONFIG, "utf8");
  const servers = [...documented.matchAll(/^(\s*server\s+\S+\s+)\S+(.*)$/gm)];
  if (servers.length !== instancePorts.length) {
    throw new Error(`deploy/haproxy.cfg names ${servers.length} servers; the cluster has ${instancePorts.length} instances`);
  }
  let index = 0;
  const config = documented
    .replace(/^(\s*bind\s+)\S+/m, `$1127.0.0.1:${listenPort}`)
    .replace(/^(\s*stats socket\s+)\S+/m, `$1${socketPath}`)
    .replace(/^(\s*server\s+\S+\s+)\S+(.*)$/gm, (_line, head: string, tail: string) => `${head}127.0.0.1:${instancePorts[index++]}${tail}`);
  return config;
}

export interface ServerStat {
  name: string;
  /** UP, DOWN, MAINT… as HAProxy sees the instance. */
  status: string;
  /** Requests (HTTP streams) it has sent the instance, and the answers by class. */
  sessions: number;
  responses2xx: number;
  responses4xx: number;
  responses5xx: number;
  /** Requests HAProxy sent again after a failed connection or an empty answer, and of those, to another instance. */
  retries: number;
  redispatches: number;
}

export class Balancer {
  private log = "";

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    private readonly socketPath: string,
  ) {
    child.stdout!.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (this.log += chunk.toString()));
  }

  static async start(dir: string, listenPort: number, instancePorts: number[]): Promise<Balancer> {
    const socketPath = path.join(dir, "haproxy.sock");
    const configPath = path.join(dir, "haproxy.cfg");
    await writeFile(configPath, balancerConfig(listenPort, instancePorts, socketPath));
    // -db: foreground, no daemon, so the test owns the process and its output.
    const child = spawn(HAPROXY, ["-db", "-f", configPath], { stdio: ["ignore", "pipe", "pipe"] });
    const balancer = new Balancer(child, `http://127.0.0.1:${listenPort}`, socketPath);
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`HAProxy exited with ${child.exitCode}:\n${balancer.log}`);
      const stats = await balancer.stats().catch(() => []);
      return stats.length === instancePorts.length && stats.every((server) => server.status === "UP");
    }, "HAProxy to see every instance healthy", 30_000);
    return balancer;
  }

  get output(): string {
    return this.log;
  }

  /** The backend's servers as HAProxy's runtime API reports them (`show stat`, CSV). */
  async stats(): Promise<ServerStat[]> {
    const csv = await new Promise<string>((resolve, reject) => {
      let answer = "";
      const socket = connect(this.socketPath, () => socket.end("show stat\n"));
      socket.on("data", (chunk: Buffer) => (answer += chunk.toString()));
      socket.on("end", () => resolve(answer));
      socket.on("error", reject);
    });
    const [header, ...rows] = csv.trim().split("\n");
    const columns = header!.replace(/^# /, "").split(",");
    const column = (row: string[], name: string) => row[columns.indexOf(name)] ?? "";
    return rows
      .map((line) => line.split(","))
      .filter((row) => column(row, "pxname") === "desk" && !["FRONTEND", "BACKEND"].includes(column(row, "svname")))
      .map((row) => ({
        name: column(row, "svname"),
        status: column(row, "status"),
        sessions: Number(column(row, "stot")),
        responses2xx: Number(column(row, "hrsp_2xx")),
        responses4xx: Number(column(row, "hrsp_4xx")),
        responses5xx: Number(column(row, "hrsp_5xx")),
        retries: Number(column(row, "wretr")),
        redispatches: Number(column(row, "wredis")),
      }));
  }

  async waitUntil(server: string, status: "UP" | "DOWN", timeoutMs = 30_000): Promise<void> {
    await eventually(async () => (await this.stats()).find((stat) => stat.name === server)?.status === status, `HAProxy to see ${server} ${status}`, timeoutMs);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.child.kill("SIGTERM");
    await exited;
  }
}

export interface Cluster {
  backend: Backend;
  balancer: Balancer;
  /** `instances[i]` is HAProxy's `app<i+1>`; a restart replaces the entry. */
  instances: AppProcess[];
  ports: number[];
  /** Stops instance i with SIGTERM, starts it again on its port, and waits until HAProxy sends it requests again. */
  restart: (index: number) => Promise<{ exitCode: number | null; stopMs: number; startMs: number }>;
  stop: () => Promise<void>;
}

export function assertPrerequisites(): void {
  if (!existsSync(path.resolve(import.meta.dirname, "../../.next/BUILD_ID"))) {
    throw new Error("npm run test:scale needs a production build: run `npx next build` (or `npm run build`) first.");
  }
  if (!existsSync(HAPROXY)) {
    throw new Error(`npm run test:scale needs HAProxy at ${HAPROXY}: \`apt-get install haproxy\` (or set HAPROXY_PATH).`);
  }
}

/** `size` instances on one fresh PostgreSQL database, every one told the balancer's address as APP_URL. */
export async function startCluster(size: number, extraEnv: Record<string, string>, beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void>): Promise<Cluster> {
  assertPrerequisites();
  const backend = await prepareBackend("PostgreSQL", { TRUSTED_PROXIES: "127.0.0.1", ...extraEnv });
  await beforeStart?.(backend.env);
  const dir = await mkdtemp(path.join(tmpdir(), "kinconecta-scale-"));
  const listenPort = await freePort();
  const ports = await Promise.all(Array.from({ length: size }, () => freePort()));
  const appUrl = `http://127.0.0.1:${listenPort}`;
  const instances: AppProcess[] = [];
  let balancer: Balancer | undefined;
  const stop = async () => {
    await balancer?.stop();
    await Promise.all(instances.map((instance) => instance.stop()));
    await backend.cleanup();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    // One at a time: the first migrates the database, and two cores start one Next.js server faster than three.
    for (const port of ports) instances.push(await AppProcess.start(backend.env, port, appUrl));
    balancer = await Balancer.start(dir, listenPort, ports);
  } catch (error) {
    await stop();
    throw error;
  }
  const started = balancer;
  return {
    backend,
    balancer: started,
    instances,
    ports,
    restart: async (index) => {
      const stopping = performance.now();
      const exitCode = await instances[index]!.stop("SIGTERM");
      const stopMs = Math.round(performance.now() - stopping);
      instances[index] = await AppProcess.start(backend.env, ports[index], appUrl);
      await started.waitUntil(`app${index + 1}`, "UP");
      return { exitCode, stopMs, startMs: Math.round(performance.now() - stopping) - stopMs };
    },
    stop,
  };
}
