import { setTimeout as sleep } from "node:timers/promises";
import { DatabaseUnavailableError, isConnectionLost } from "./unavailable";

const PROBE_INTERVAL_MS = 250;

/**
 * Fails database calls at once while the database is unreachable, instead of letting every request
 * queue behind the driver's reconnect attempts. The first lost connection opens it; then a single
 * probe asks the database every PROBE_INTERVAL_MS, and the first answer closes it again.
 */
export class CircuitBreaker {
  private open = false;
  private stopped = false;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly log: Pick<Console, "error" | "log"> = console,
  ) {}

  /** Throws DatabaseUnavailableError while the database is known to be unreachable. */
  check(): void {
    if (this.open) throw new DatabaseUnavailableError();
  }

  /** Records a failed call; a lost connection opens the breaker. */
  record(error: unknown): void {
    if (this.open || this.stopped || !isConnectionLost(error)) return;
    this.open = true;
    this.log.error(`Database unreachable (${error instanceof Error ? error.message : String(error)}); answering 503 until it is back`);
    void this.probeUntilAnswered();
  }

  /** Ends probing (the connection is being closed). */
  stop(): void {
    this.stopped = true;
  }

  private async probeUntilAnswered(): Promise<void> {
    const since = Date.now();
    while (!this.stopped) {
      // Unreferenced: a probe never keeps a finished command or a stopping server alive.
      await sleep(PROBE_INTERVAL_MS, undefined, { ref: false });
      try {
        await this.probe();
        this.open = false;
        this.log.log(`Database reachable again after ${((Date.now() - since) / 1000).toFixed(1)} s`);
        return;
      } catch {
        // still down; ask again after the interval
      }
    }
  }
}
