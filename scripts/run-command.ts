import { prepareProcess } from "@/lib/server/prepare-process";

/**
 * Runs a command against the database the server would use (same environment), migrating it first.
 * A bad setting, an unreachable database or an embedded database held by a running server ends it
 * with a message naming the problem and exit code 1. Commands import the app's modules inside
 * `command`, once the settings are known to be valid (lib/env.ts throws at import on a bad value).
 */
export async function runCommand(command: () => Promise<void>): Promise<void> {
  try {
    await prepareProcess();
    await command();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  } finally {
    await import("@/db").then(({ closeDb }) => closeDb()).catch(() => {});
  }
}
