import "server-only";
import { ImapFlow } from "imapflow";
import { env } from "@/lib/env";
import type { PollingJob } from "@/lib/server/polling-job";
import { NotAnEmailError } from "./read-email";
import { refuseEmail, takeEmail } from "./take-email";

/** The mailbox's state as GET /api/health reports it; null while IMAP_URL is unset. */
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

function setHealth(status: MailboxHealth["status"], error?: string): void {
  const current = globalForMailbox.kinconectaMailboxHealth;
  if (current?.status === status && current.error === error) return;
  globalForMailbox.kinconectaMailboxHealth = { status, since: new Date().toISOString(), ...(error && { error }) };
}

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 5 * 60_000;

/**
 * Watches the IMAP_URL mailbox: takes every unseen message through the inbound pipeline, then marks it seen (a
 * message that could not be taken stays unseen and is tried again). New mail is noticed at once where the server
 * announces it (IDLE), else at the next IMAP_POLL_MS. When the server cannot be reached, or taking fails, it
 * reconnects after 1 s, 2 s, 4 s… up to 5 minutes (with jitter, so instances do not retry in step) and health
 * reports the mailbox degraded meanwhile; the rest of the app keeps serving. Every instance may watch: the
 * pipeline takes each Message-ID once.
 */
export function startImapWatcher(): PollingJob | null {
  if (!env.IMAP_URL) return null;
  const url = new URL(env.IMAP_URL);
  const mailbox = decodeURIComponent(url.pathname.replace(/^\//, "")) || "INBOX";
  let stopping = false;
  let client: ImapFlow | undefined;
  let wake: (() => void) | undefined;

  const loop = (async () => {
    let failures = 0;
    while (!stopping) {
      client = new ImapFlow({
        host: url.hostname,
        port: Number(url.port) || (url.protocol === "imaps:" ? 993 : 143),
        secure: url.protocol === "imaps:",
        auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
        logger: false,
        // IDLE soon after each pass, so new mail is announced rather than waited for.
        autoIdleDelay: 200,
      });
      // A dropped connection also ends the wait below; the error itself is reported by the failing command.
      client.on("error", () => {});
      try {
        await client.connect();
        await client.mailboxOpen(mailbox);
        while (!stopping && client.usable) {
          await takeUnseen(client);
          setHealth("ok");
          failures = 0;
          await newMailOrTimeout(client, env.IMAP_POLL_MS);
        }
        if (!stopping) throw new Error("the IMAP server closed the connection");
      } catch (error) {
        if (stopping) break;
        failures += 1;
        const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);
        const reason = error instanceof Error ? error.message : String(error);
        setHealth("degraded", reason);
        console.error(`Inbound email: the mailbox could not be read (${reason}); trying again in ${Math.round(delay / 1000)} s`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, delay);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      } finally {
        await client.logout().catch(() => client?.close());
      }
    }
  })();

  return {
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
    },
  };

  function newMailOrTimeout(connection: ImapFlow, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        connection.off("exists", done);
        connection.off("close", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      connection.on("exists", done);
      connection.on("close", done);
      wake = done;
    });
  }
}

async function takeUnseen(client: ImapFlow): Promise<void> {
  const unseen = (await client.search({ seen: false }, { uid: true })) || [];
  for (const uid of unseen) {
    const found = await client.fetchOne(String(uid), { size: true, envelope: true }, { uid: true });
    if (!found) continue;
    const described = {
      messageId: found.envelope?.messageId,
      fromAddress: found.envelope?.from?.[0]?.address ?? "",
      subject: found.envelope?.subject ?? "",
      size: found.size ?? 0,
    };
    if (described.size > env.INBOUND_EMAIL_MAX_BYTES) {
      // Not even downloaded: recorded as refused, and left in the mailbox (seen) for a person to look at.
      await refuseEmail({ ...described, reason: "larger than INBOUND_EMAIL_MAX_BYTES" });
    } else {
      const { content } = await client.download(String(uid), undefined, { uid: true });
      const chunks: Buffer[] = [];
      for await (const chunk of content as AsyncIterable<Buffer>) chunks.push(chunk);
      const raw = Buffer.concat(chunks);
      await takeEmail(raw, "imap").catch(async (error: unknown) => {
        if (!(error instanceof NotAnEmailError)) throw error;
        await refuseEmail({ ...described, raw, reason: error.message });
      });
    }
    await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
  }
}
