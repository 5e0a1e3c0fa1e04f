import { closeDb, getDb } from "@/db";

/**
 * Runs a command against the database the server would use (same environment), migrating it first.
 * An embedded database held by a running server is refused with a clear message, never shared.
 */
export async function runCommand(command: () => Promise<void>): Promise<void> {
  try {
    await getDb();
    await command();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await closeDb().catch(() => {});
  }
}
