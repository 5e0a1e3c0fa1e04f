import "server-only";
import { type AddressObject, type Attachment, type HeaderValue, simpleParser, type StructuredHeader } from "mailparser";
import { sha256Hex } from "@/lib/crypto";
import { isLocale, type Locale } from "@/lib/i18n/locales";
import { withoutControlCharacters } from "@/lib/zod/text";
import { visibleText } from "./visible-text";

/** What the pipeline needs of an email, read once from its raw bytes. */
export interface InboundEmail {
  /** The Message-ID, or `sha256:<hex>` of the message when it has none. */
  key: string;
  /** Our Message-ID form, with angle brackets; null when the message has none. */
  messageIdHeader: string | null;
  from: { address: string; name: string };
  /** Every address the message was delivered to (To, Cc, Delivered-To, X-Original-To), lower-cased. */
  recipients: string[];
  subject: string;
  /** In-Reply-To first, then References from the most recent back: the order threading tries them in. */
  references: string[];
  /** What the sender wrote, quotes and signatures cut. */
  text: string;
  attachments: Attachment[];
  /** Each header's raw text by lower-cased name (unfolded; repeated headers joined with ", "), for the noise rules. */
  header: (name: string) => string | undefined;
  /** Content-Type's media type and its report-type parameter (bounces are multipart/report; report-type=delivery-status). */
  mediaType: string;
  /** From Content-Language, when it names one of our languages. */
  locale: Locale | null;
}

/** Thrown for bytes that are no email at all (no header block with a sender): the HTTP way in answers 422. */
export class NotAnEmailError extends Error {}

export async function readEmail(raw: Buffer): Promise<InboundEmail> {
  if (!looksLikeAnEmail(raw)) throw new NotAnEmailError("The body is not an email message: it has no header block with a From address");
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
  const from = parsed.from?.value.find((entry) => entry.address);
  if (!from?.address) throw new NotAnEmailError("The message has no From address");
  // Only a well-formed id of reasonable length is a key and goes back out in our In-Reply-To; others are hashed.
  const messageIdHeader = parsed.messageId && MESSAGE_ID.test(parsed.messageId.trim()) ? parsed.messageId.trim() : null;
  const references = [
    ...asList(parsed.inReplyTo),
    ...asList(parsed.references).reverse(),
  ].filter((id, index, all) => all.indexOf(id) === index);
  return {
    key: messageIdHeader ?? `sha256:${sha256Hex(raw)}`,
    messageIdHeader,
    // Mail carries what the ticket fields refuse (NUL, ESC, form feeds, lone surrogates): dropped, so the email is still taken.
    from: { address: withoutControlCharacters(from.address).toLowerCase(), name: withoutControlCharacters(from.name).replace(/\s+/g, " ").trim() },
    recipients: recipientsOf(parsed.to, parsed.cc, parsed.headers),
    subject: withoutControlCharacters(parsed.subject ?? "").replace(/\s+/g, " ").trim(),
    references,
    text: withoutControlCharacters(visibleText(parsed)),
    attachments: parsed.attachments.filter((attachment) => !isMessagePart(attachment.contentType)),
    header: headerReader(parsed.headerLines),
    mediaType: mediaTypeOf(parsed.headers.get("content-type")),
    locale: localeOf(parsed.headers.get("content-language")),
  };
}

const MESSAGE_ID = /^<[^<>\s]{1,900}>$/;

/** A header block that names a sender: anything else (JSON, an image, an empty body) is refused before parsing. */
function looksLikeAnEmail(raw: Buffer): boolean {
  const head = raw.subarray(0, 64 * 1024).toString("latin1");
  const end = head.search(/\r?\n\r?\n/);
  const headerBlock = end === -1 ? head : head.slice(0, end);
  return /^[\x21-\x39\x3b-\x7e]+:/.test(headerBlock) && /^from:/im.test(headerBlock);
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : value.split(/\s+/)).map((id) => id.trim()).filter((id) => MESSAGE_ID.test(id));
}

function recipientsOf(
  to: AddressObject | AddressObject[] | undefined,
  cc: AddressObject | AddressObject[] | undefined,
  headers: ReadonlyMap<string, HeaderValue>,
): string[] {
  const listed = [to, cc].flat().flatMap((field) => field?.value ?? []).flatMap((entry) => [entry.address, ...(entry.group ?? []).map((member) => member.address)]);
  const delivered = ["delivered-to", "x-original-to", "envelope-to"].flatMap((name) => {
    const value = headers.get(name);
    return (Array.isArray(value) ? value : [value]).map((entry) => (typeof entry === "string" ? entry.replace(/[<>]/g, "").trim() : undefined));
  });
  return [...new Set([...listed, ...delivered].filter((address): address is string => !!address).map((address) => address.toLowerCase()))];
}

function headerReader(lines: ReadonlyArray<{ key: string; line: string }>): (name: string) => string | undefined {
  const values = new Map<string, string>();
  for (const { key, line } of lines) {
    const value = line.slice(line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim();
    values.set(key, values.has(key) ? `${values.get(key)}, ${value}` : value);
  }
  return (name) => values.get(name.toLowerCase());
}

function mediaTypeOf(contentType: HeaderValue | undefined): string {
  if (!contentType || typeof contentType !== "object" || !("params" in contentType)) return "";
  const { value, params } = contentType as StructuredHeader;
  const reportType = params["report-type"];
  return `${value.toLowerCase()}${reportType ? `; report-type=${reportType.toLowerCase()}` : ""}`;
}

function isMessagePart(contentType: string): boolean {
  // The reports inside bounces and the headers of forwarded parts are read as text, not kept as files.
  return /^(message\/(delivery-status|disposition-notification|rfc822-headers)|text\/rfc822-headers)$/i.test(contentType);
}

function localeOf(header: HeaderValue | undefined): Locale | null {
  const language = typeof header === "string" ? header.split(",")[0]?.trim().slice(0, 2).toLowerCase() : undefined;
  return language && isLocale(language) ? language : null;
}

/** The sender's display name for a ticket or a message: their name, else their address's local part. */
export function senderName(from: InboundEmail["from"]): string {
  return from.name || from.address.split("@")[0] || from.address;
}
