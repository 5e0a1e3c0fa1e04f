import EmailReplyParser from "email-reply-parser";
import { convert, type HtmlToTextOptions } from "html-to-text";
import type { ParsedMail } from "mailparser";

// How the quoted message and the signature are marked up by the clients our requesters use.
const QUOTE_SELECTORS = [
  "div.gmail_quote", // Gmail: the "On … wrote:" line and the quote
  "blockquote.gmail_quote",
  "blockquote[type=cite]", // Apple Mail, Thunderbird
  "div.moz-cite-prefix", // Thunderbird's "On … wrote:" line
  "div[class*=yahoo_quoted]", // Yahoo Mail prefixes the class name
];
const SIGNATURE_SELECTORS = ["div.gmail_signature", "span.gmail_signature_prefix", ".moz-signature", "div.ms-outlook-mobile-signature"];

/** Outlook (web, new, mobile) puts the quoted message after one of these: the element and everything after it go. */
const OUTLOOK_QUOTE_START = /<(?:div|hr)\b[^>]*?\bid\s*=\s*["']?(?:appendonsend|divRplyFwdMsg|mail-editor-reference-message-container)\b/i;

const FORWARD_SUBJECT = /^\s*(?:fwd?|rv|reenviar|reenv|tr|wg)\s*:/i;
/** Markers that only a forward has. */
const FORWARD_MARKER = /^\s*(?:-{2,}\s*(?:forwarded message|mensaje reenviado)\s*-{2,}|begin forwarded message:|inicio del mensaje reenviado:)\s*$/i;
/** Outlook's plain-text separator: a reply when text precedes it, a forward when it opens the message. */
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:original message|mensaje original)\s*-{2,}\s*$/i;
/** Outlook's header block of the quoted message ("De: … / Enviado el: … / Para: … / Asunto: …"), with or without an address. */
const OUTLOOK_FROM = /^\s*\*?(?:de|from)\s*:\*?\s*\S/i;
const OUTLOOK_SENT = /^\s*\*?(?:enviado(?: el)?|sent|fecha|date)\s*:/i;
const OUTLOOK_SUBJECT = /^\s*\*?(?:asunto|subject)\s*:/i;
const OUTLOOK_RULE = /^\s*_{10,}\s*$/;
/** Outlook mobile's footer, which email-reply-parser knows only in English. */
const OUTLOOK_MOBILE_FOOTER = /^\s*(?:obtener outlook para|get outlook for)\s/i;
const ATTRIBUTION = /(?:wrote|escribió)\s*:\s*$/i;
/** Signatures we cut; email-reply-parser also flags closings ("Regards,", "Cheers") as signatures, and those stay. */
const REAL_SIGNATURE = /^(?:--\s*|sent from .+|enviado desde .+|get outlook for .+|obtener outlook para .+)$/i;

// mailparser converts with the same limit: html-to-text's recursive walk overflows the stack near 2000 levels.
const LIMITS = { maxDepth: 1000 };
const SELECTORS: NonNullable<HtmlToTextOptions["selectors"]> = [
  { selector: "a", options: { hideLinkHrefIfSameAsText: true } },
  // Inline images are attachments; simpleParser has turned their cid: links into long data: URLs.
  { selector: "img", format: "skip" },
  { selector: "ul", options: { itemPrefix: "- " } },
  // Outlook's HTML is one <p class=MsoNormal> per line, not per paragraph.
  { selector: "p.MsoNormal", format: "block", options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
  ...["h1", "h2", "h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: { uppercase: false } })),
];
const HTML_OPTIONS: HtmlToTextOptions = { wordwrap: false, limits: LIMITS, selectors: SELECTORS };
const HTML_OPTIONS_WITHOUT_QUOTES: HtmlToTextOptions = {
  ...HTML_OPTIONS,
  selectors: [...SELECTORS, ...[...QUOTE_SELECTORS, ...SIGNATURE_SELECTORS].map((selector) => ({ selector, format: "skip" }))],
};

/**
 * The text a person wrote in this email: the quoted message they replied to and their signature
 * ("-- ", "Sent from my iPhone", "Obtener Outlook para iOS") are cut; closings such as "Saludos,\nAna"
 * stay. A forward is kept whole, since the forwarded content is what they are sending us. Never
 * empty when the email had text; not truncated (the caller does that).
 */
export function visibleText(mail: Pick<ParsedMail, "text" | "html" | "subject">): string {
  const html = typeof mail.html === "string" && mail.html.trim() !== "" ? mail.html : undefined;
  const text = mail.text ?? "";
  // simpleParser fills `text` from the HTML when there is no text/plain part and ParsedMail does not
  // say so: then we convert the HTML ourselves, where the clients' quote markup can still be seen.
  const fromHtml = html !== undefined && (text.trim() === "" || isConvertedFrom(text, html));
  const whole = tidy(fromHtml ? convert(html, HTML_OPTIONS) : text);
  if (whole === "" || isForward(mail.subject, whole.split("\n"))) return whole;
  const source = fromHtml ? convert(cutOutlookQuote(html), HTML_OPTIONS_WITHOUT_QUOTES) : text;
  return tidy(cutQuotesAndSignatures(source)) || whole;
}

/**
 * Whether `text` is exactly mailparser's html-to-text rendering of `html`. simpleParser has since
 * replaced the HTML's cid: image links with data: URLs, so they are put back, in order, from the
 * "[cid:…]" the rendering left in the text.
 */
function isConvertedFrom(text: string, html: string): boolean {
  const cids = [...text.matchAll(/\[cid:([^\]\s]+)\]/g)].map((match) => match[1]);
  let next = 0;
  const original = html.replace(/\bdata:image\/[\w.+-]+;base64,[A-Za-z0-9+/=]+/g, (url) => {
    const cid = cids[next++];
    return cid === undefined ? url : `cid:${cid}`;
  });
  return convert(original, { limits: LIMITS }) === text;
}

function cutOutlookQuote(html: string): string {
  const start = OUTLOOK_QUOTE_START.exec(html);
  return start ? html.slice(0, start.index).replace(/<hr\b[^>]*>\s*$/i, "") : html;
}

function isForward(subject: string | undefined, lines: string[]): boolean {
  if (FORWARD_SUBJECT.test(subject ?? "")) return true;
  const first = lines.find((line) => line.trim() !== "") ?? "";
  if (FORWARD_MARKER.test(first) || ORIGINAL_MESSAGE.test(first)) return true;
  // A note above the forwarded message: forwarded when the marker comes before anything quoted.
  const marker = lines.findIndex((line) => FORWARD_MARKER.test(line));
  const quoted = lines.findIndex((line) => line.startsWith(">") || ATTRIBUTION.test(line));
  return marker !== -1 && marker < Math.min(quoted === -1 ? Infinity : quoted, outlookQuoteStart(lines));
}

/** Where Outlook's unquoted copy of the original message starts, which email-reply-parser misses. */
function outlookQuoteStart(lines: string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (i > 0 && ORIGINAL_MESSAGE.test(line)) return i;
    if (OUTLOOK_MOBILE_FOOTER.test(line)) return i;
    if (OUTLOOK_FROM.test(line) && OUTLOOK_SENT.test(lines[i + 1] ?? "") && lines.slice(i + 2, i + 6).some((next) => OUTLOOK_SUBJECT.test(next))) {
      return i > 0 && OUTLOOK_RULE.test(lines[i - 1]!) ? i - 1 : i;
    }
  }
  return lines.length;
}

function cutQuotesAndSignatures(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const answer = lines.slice(0, outlookQuoteStart(lines)).join("\n");
  return new EmailReplyParser()
    .read(answer)
    .getFragments()
    .filter((fragment) => !fragment.isQuoted() && !(fragment.isSignature() && REAL_SIGNATURE.test(fragment.getContent().split("\n")[0]!)))
    .map((fragment) => fragment.getContent())
    .join("\n");
}

/** LF line ends, no trailing spaces, at most one blank line in a row, trimmed. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\u00a0\u200b\ufeff]+$/gm, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
