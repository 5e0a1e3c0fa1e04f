import "server-only";
import { getDb } from "@/db";

export async function startServer(): Promise<void> {
  try {
    const { env } = await import("@/lib/env");
    await getDb();
    console.log(`Kinconecta Support Desk: database ${env.DATABASE_URL ? "PostgreSQL" : `PGlite in ${env.DATA_DIR}`} ready`);
  } catch (error) {
    console.error(`\nThe server cannot start.\n${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
