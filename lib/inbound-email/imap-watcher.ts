import "server-only";
import { ImapFlow } from "imapflow";
import { env } from "@/lib/env";
import type { PollingJob } from "@/lib/server/polling-job";
import { setMailboxHealth } from "./mailbox-health";
import { NotAnEmailError } from "./read-email";
import { refuseEmail, takeEmail } from "./take-email";

const FIRST_RETRY_MS = 1_000;
const LAST_RETRY_MS = 5 * 60_000;
/** Times one message may fail to be taken (the database refusing it, say) before it is recorded refused and passed over. */
const ATTEMPTS_PER_MESSAGE = 5;
/** A message that failed is tried again this much later, times its failures (about 2.5 minutes in all). */
const MESSAGE_RETRY_MS = 10_000;

/**
 * Watches the IMAP_URL mailbox: takes every unseen message through the inbound pipeline, then marks it seen (the
 * mailbox is the desk's: a person reading it in a mail client first would hide a message from the desk). New mail is
 * noticed at once where the server announces it (IDLE), else at the next IMAP_POLL_MS. A message that fails is tried
 * again 10 s, 20 s… later, and after five failures recorded as refused and left in the mailbox for a person, so one
 * bad message cannot hold up the rest. When the server cannot be reached or taking fails, it reconnects after 1 s, 2 s, 4 s… up to 5 minutes
 * (with jitter, so instances do not retry in step) and health reports the mailbox degraded meanwhile; the rest of the
 * app keeps serving. Every instance may watch: the pipeline takes each Message-ID once.
 */
export function startImapWatcher(): PollingJob | null {
  if (!env.IMAP_URL) return null;
  const url = new URL(env.IMAP_URL);
  const mailbox = decodeURIComponent(url.pathname.replace(/^\//, "")) || "INBOX";
  const failures = new Map<number, number>();
  let stopping = false;
  let wake: (() => void) | undefined;

  const loop = (async () => {
    let connectionFailures = 0;
    while (!stopping) {
      const client = new ImapFlow({
        host: url.hostname,
        port: Number(url.port) || (url.protocol === "imaps:" ? 993 : 143),
        secure: url.protocol === "imaps:",
        auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
        logger: false,
        // IDLE soon after each pass, so new mail is announced rather than waited for.
        autoIdleDelay: 200,
      });
      // A dropped connection ends the wait below; the error itself is reported by the failing command.
      client.on("error", () => {});
      // Heard at any time, also while a pass runs, so an announcement is never missed.
      let newMail = false;
      client.on("exists", () => {
        newMail = true;
        wake?.();
      });
      client.on("close", () => wake?.());
      try {
        await client.connect();
        await client.mailboxOpen(mailbox);
        while (!stopping && client.usable) {
          newMail = false;
          const stuck = await takeUnseen(client, failures);
          setMailboxHealth(stuck ? "degraded" : "ok", stuck ?? undefined);
          connectionFailures = 0;
          if (!newMail) await pause(stuck ? MESSAGE_RETRY_MS * Math.max(...failures.values()) : env.IMAP_POLL_MS);
        }
        if (!stopping) throw new Error("the IMAP server closed the connection");
      } catch (error) {
        if (stopping) break;
        connectionFailures += 1;
        const delay = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** (connectionFailures - 1)) * (0.5 + Math.random() / 2);
        const reason = error instanceof Error ? error.message : String(error);
        setMailboxHealth("degraded", reason);
        console.error(`Inbound email: the mailbox could not be read (${reason}); trying again in ${Math.round(delay / 1000)} s`);
        await pause(delay);
      } finally {
        await client.logout().catch(() => client.close());
      }
    }
  })();

  /** Waits `ms`, or less when new mail, a dropped connection or `stop` wakes it. */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => wake?.(), ms);
      wake = () => {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      };
    });
  }

  return {
    stop: async () => {
      stopping = true;
      wake?.();
      await loop;
    },
  };
}

/**
 * Takes every unseen message, marking each seen once taken; returns why a message is still failing (health shows it),
 * or null. Connection errors end the pass (the caller reconnects); a message's own failure only skips it this time.
 */
async function takeUnseen(client: ImapFlow, failures: Map<number, number>): Promise<string | null> {
  let stuck: string | null = null;
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
      try {
        await takeEmail(raw, "imap");
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const attempts = (failures.get(uid) ?? 0) + 1;
        if (!(error instanceof NotAnEmailError) && attempts < ATTEMPTS_PER_MESSAGE) {
          failures.set(uid, attempts);
          stuck = `message ${uid} could not be taken (attempt ${attempts}): ${reason}`;
          console.error(`Inbound email: ${stuck}`);
          continue;
        }
        await refuseEmail({ ...described, raw, reason: reason.slice(0, 1_000) });
      }
    }
    failures.delete(uid);
    await client.messageFlagsAdd(String(uid), ["\\Seen"], { uid: true });
  }
  return stuck;
}
