import "server-only";
import { env } from "@/lib/env";

/** The watched mailbox's state as GET /api/health reports it; null while IMAP_URL is unset. */
export interface MailboxHealth {
  status: "ok" | "degraded";
  /** When it last changed. */
  since: string;
  /** Why it is degraded. */
  error?: string;
}

// On globalThis: the health route is bundled apart from the instrumentation hook that starts the watcher.
const globalForMailbox = globalThis as unknown as { kinconectaMailboxHealth?: MailboxHealth };

export function mailboxHealth(): MailboxHealth | null {
  return env.IMAP_URL ? (globalForMailbox.kinconectaMailboxHealth ?? { status: "degraded", since: new Date().toISOString(), error: "not connected yet" }) : null;
}

export function setMailboxHealth(status: MailboxHealth["status"], error?: string): void {
  const current = globalForMailbox.kinconectaMailboxHealth;
  if (current?.status === status && current.error === error) return;
  globalForMailbox.kinconectaMailboxHealth = { status, since: new Date().toISOString(), ...(error && { error }) };
}
