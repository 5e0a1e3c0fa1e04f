import "server-only";
import { ownAddresses, replyTokenOf } from "./addresses";
import type { InboundEmail } from "./read-email";

// Subjects that auto-responders write (Outlook, Gmail, Exchange, in English and Spanish) when they set no header.
const AUTO_REPLY_SUBJECT = /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|respuesta autom[aá]tica|fuera de la oficina|ausente|r[ée]ponse automatique)\b/i;
const BOUNCE_SENDER = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;

/**
 * Why an email is noise that must never open or reopen a ticket (auto-replies, bounces, mailing lists, loops and
 * our own mail), or null for mail a person wrote. Answering noise is how two robots mail each other forever.
 */
export function noiseReason(mail: InboundEmail): string | null {
  const { header } = mail;
  // Before the auto-reply rules: mail servers mark their bounces Auto-Submitted too.
  if (mail.mediaType === "multipart/report; report-type=delivery-status" || BOUNCE_SENDER.test(mail.from.address)) return "bounce (delivery status notification)";
  const autoSubmitted = header("auto-submitted");
  if (autoSubmitted && autoSubmitted.toLowerCase() !== "no") return `auto-reply (Auto-Submitted: ${autoSubmitted})`;
  if (header("x-autoreply") || header("x-autorespond") || header("x-autoresponder")) return "auto-reply (X-Autoreply)";
  if (AUTO_REPLY_SUBJECT.test(mail.subject)) return `auto-reply (subject "${mail.subject.slice(0, 60)}")`;
  const precedence = header("precedence")?.toLowerCase();
  if (precedence && ["bulk", "list", "junk"].includes(precedence)) return `mailing list (Precedence: ${precedence})`;
  if (header("list-id") || header("list-unsubscribe")) return "mailing list (List-Id)";
  const own = ownAddresses();
  const loop = (header("x-loop") ?? "").toLowerCase().split(/[\s,<>]+/);
  if (own.some((address) => loop.includes(address))) return "loop (X-Loop names our address)";
  if (own.includes(mail.from.address) || replyTokenOf(mail.from.address) !== null) return "own address (we sent it)";
  return null;
}
