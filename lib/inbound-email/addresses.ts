import "server-only";
import { env } from "@/lib/env";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// MAIL_REPLY_TO such as `support+{token}@example.com`: the address of one ticket's answers.
const [replyPrefix = "", replySuffix = ""] = (env.MAIL_REPLY_TO ?? "").toLowerCase().split("{token}");
const REPLY_ADDRESS = env.MAIL_REPLY_TO ? new RegExp(`^${escapeRegExp(replyPrefix)}([a-z0-9]{16,64})${escapeRegExp(replySuffix)}$`) : null;

/** Our own addresses, lower-cased: MAIL_FROM's, and MAIL_REPLY_TO's without its token and separator (the plain support address). */
export function ownAddresses(): string[] {
  const from = (/<([^<>]+)>\s*$/.exec(env.MAIL_FROM)?.[1] ?? env.MAIL_FROM).trim().toLowerCase();
  const plainReplyAddress = env.MAIL_REPLY_TO ? `${replyPrefix.replace(/[+\-_.=]$/, "")}${replySuffix}` : null;
  return [from, ...(plainReplyAddress && plainReplyAddress !== from ? [plainReplyAddress] : [])];
}

/** The ticket's reply token in an address made from MAIL_REPLY_TO, or null. */
export function replyTokenOf(address: string): string | null {
  return REPLY_ADDRESS?.exec(address.toLowerCase())?.[1] ?? null;
}
