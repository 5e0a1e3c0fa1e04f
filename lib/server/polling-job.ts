import "server-only";

export interface PollingJob {
  /** Stops polling and waits for a pass that is running to end. */
  stop: () => Promise<void>;
}

/**
 * Runs `pass` now, then again `pollMs` after each pass ends, until stopped. A pass that fails is logged and the job
 * tries again at the next poll. Jobs are safe with any number of instances because each pass takes its rows with
 * SKIP LOCKED and marks them in the same transaction.
 */
export function startPollingJob(name: string, pollMs: number, pass: (stopping: () => boolean) => Promise<void>): PollingJob {
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const guardedPass = () =>
    pass(() => stopping).catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      console.error(`The ${name} job failed; it tries again at the next poll: ${reason}`);
    });
  const schedule = () => {
    if (stopping) return;
    timer = setTimeout(() => {
      running = guardedPass().finally(schedule);
    }, pollMs);
  };
  running = guardedPass().finally(schedule);
  return {
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      await running;
    },
  };
}
