import "server-only";
import { env } from "@/lib/env";
import { assertInboundCategory } from "@/lib/inbound-email/take-email";
import { ensureFirstAdmin } from "@/lib/staff/ensure-first-admin";
import { startBackgroundJobs } from "./background-jobs";
import { prepareProcess } from "./prepare-process";

// Once per process: server.mjs awaits it before listening, and Next.js calls the instrumentation hook
// again itself, from separately bundled entry points.
const globalForStart = globalThis as unknown as { kinconectaServerStart?: Promise<void> };

/** Prepares the process (settings, database, secret) and starts its outbox worker; rejects naming what is wrong. */
export function startServer(): Promise<void> {
  return (globalForStart.kinconectaServerStart ??= start());
}

async function start(): Promise<void> {
  await prepareProcess();
  console.log(`Kinconecta Support Desk: database ${env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`} ready`);
  await assertInboundCategory();
  const firstAdmin = await ensureFirstAdmin();
  if (firstAdmin) {
    // The password stays out of the log (logs are shipped and kept); the file is readable by this user only.
    console.log(
      `\nNo staff account existed, so an admin was created. Sign in at ${env.APP_URL}/staff/login with\n` +
        `  email:    ${firstAdmin.email}\n  password: in ${firstAdmin.passwordFile}\n` +
        "You will be asked to choose a new password; the file is deleted then.\n",
    );
  }
  const jobs = startBackgroundJobs();
  // The HTTP server closes on these signals before the process exits; the jobs stop taking work meanwhile.
  // A send cut short by the exit is retried once its lease runs out.
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => void jobs.stop());
  }
}
