import "server-only";
import lockfile from "proper-lockfile";

export class DataDirectoryInUseError extends Error {
  constructor(directory: string) {
    super(
      `The embedded database in ${directory} is in use by another process (a running server or command).\n` +
        "PGlite allows one process at a time: stop that process first, or set DATABASE_URL to use PostgreSQL.",
    );
    this.name = "DataDirectoryInUseError";
  }
}

// The holder refreshes the lock every STALE_MS / 2; a lock older than STALE_MS belongs to a process
// that died (e.g. SIGKILL), so a new process waits a little longer than that before giving up.
const STALE_MS = 4_000;

/**
 * Holds an exclusive lock on the PGlite data directory for this process's lifetime.
 * PGlite has no lock of its own, and two processes on one directory corrupt it silently.
 */
export async function lockDataDirectory(directory: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(directory, {
      lockfilePath: `${directory}.lock`,
      stale: STALE_MS,
      retries: { retries: 12, minTimeout: 500, maxTimeout: 500, factor: 1 },
      onCompromised: (error) => {
        console.error(`Lost the lock on ${directory}; stopping to protect the data.`, error);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOCKED") throw new DataDirectoryInUseError(directory);
    throw error;
  }
}
