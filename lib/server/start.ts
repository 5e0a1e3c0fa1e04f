import "server-only";
import { getDb } from "@/db";
import { ensureFirstAdmin } from "@/lib/staff/ensure-first-admin";
import { startOutboxWorker } from "@/lib/notifications/outbox-worker";

// One worker per server process, also across the separately bundled entry points that may import this.
const globalForWorker = globalThis as unknown as { kinconectaOutboxWorker?: ReturnType<typeof startOutboxWorker> };

export async function startServer(): Promise<void> {
  try {
    const { env } = await import("@/lib/env");
    await getDb();
    console.log(`Kinconecta Support Desk: database ${env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`} ready`);
    const firstAdmin = await ensureFirstAdmin();
    if (firstAdmin) {
      // The password stays out of the log (logs are shipped and kept); the file is readable by this user only.
      console.log(
        `\nNo staff account existed, so an admin was created. Sign in at ${env.APP_URL}/staff/login with\n` +
          `  email:    ${firstAdmin.email}\n  password: in ${firstAdmin.passwordFile}\n` +
          "You will be asked to choose a new password; the file is deleted then.\n",
      );
    }
  } catch (error) {
    console.error(`\nThe server cannot start.\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (globalForWorker.kinconectaOutboxWorker) return;
  const worker = (globalForWorker.kinconectaOutboxWorker = startOutboxWorker());
  // Next.js closes the HTTP server on these signals before it exits; the worker stops taking messages meanwhile.
  // A send cut short by the exit is retried once its lease runs out.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void worker.stop());
}
