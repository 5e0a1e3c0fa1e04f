import { LOCALE_TAGS, type Locale } from "@/lib/i18n/locales";
import { emailTranslator } from "@/lib/i18n/translator";
import type { TicketStatus } from "@/lib/tickets/workflow";

/** The ticket fields an email quotes. */
export interface NoticeTicket {
  id: number;
  fullName: string;
  subject: string;
  /** The category's label in the email's language. */
  categoryLabel: string;
  message: string;
  status: TicketStatus;
}

/** A staff reply as its email quotes it: who wrote it (a display name), the text and its files' URLs. */
export interface NoticeReply {
  authorName: string;
  body: string;
  attachments: ReadonlyArray<{ fileName: string; fileUrl: string }>;
}

export type TicketNotice =
  | { kind: "ticket_created"; ticket: NoticeTicket; follows?: number }
  | { kind: "status_changed"; ticket: NoticeTicket; from: TicketStatus }
  /** `from`: the status before, when the reply also moved the ticket ("send and resolve"). */
  | { kind: "staff_reply"; ticket: NoticeTicket; reply: NoticeReply; from?: TicketStatus }
  | { kind: "resolution_reminder"; ticket: NoticeTicket };

/**
 * Stands for the private tracking link in a composed email until it is sent: the link is built then, at the
 * ticket's current link version, so the outbox never stores a key and a link staff replaced is never mailed.
 * Should a requester type it into their own subject, it becomes their own link, in an email to themselves.
 */
export const TRACKING_LINK_PLACEHOLDER = "{{tracking-link}}";
/** The same, for the tracking key alone (a reply's file links carry it as `?key=`). */
export const TRACKING_KEY_PLACEHOLDER = "{{tracking-key}}";

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

/** Header values are one line: a CR or LF in a requester's text could otherwise start a header of its own. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n]+/g, " ").trim();
}

function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

interface Draft {
  subject: string;
  heading: string;
  paragraphs: string[];
  /** A message quoted whole, line breaks kept (a staff reply). */
  quote?: { intro: string; body: string; files: ReadonlyArray<{ fileName: string; url: string }> };
  /** Paragraphs after the quote. */
  after?: string[];
  details: Array<[label: string, value: string]>;
}

type Translate = ReturnType<typeof emailTranslator>;

function draft(notice: TicketNotice, t: Translate, locale: Locale): Draft {
  const { ticket } = notice;
  const status = (value: TicketStatus) => t(`status.${value}`);
  if (notice.kind === "ticket_created") {
    // The first email to an address nobody has verified: anyone can file a ticket in someone else's name, so
    // it carries nothing the filer wrote (name, subject, message), only our own words, or it would relay spam.
    const subject = t("created.subject", { id: ticket.id });
    return {
      subject,
      heading: subject,
      paragraphs: [
        t("created.greeting"),
        ...(notice.follows === undefined ? [] : [t("created.follows", { closed: notice.follows, id: ticket.id })]),
        t("created.thanks"),
        t("created.notYou"),
      ],
      details: [
        [t("details.category"), ticket.categoryLabel],
        [t("details.status"), status(ticket.status)],
      ],
    };
  }
  const details: Draft["details"] = [
    [t("details.subject"), ticket.subject],
    [t("details.category"), ticket.categoryLabel],
    [t("details.status"), status(ticket.status)],
  ];
  const moved = (from: TicketStatus) => [
    t("statusChanged.moved", { from: status(from).toLocaleLowerCase(locale), to: status(ticket.status).toLocaleLowerCase(locale) }),
    t(`statusChanged.next.${ticket.status}`),
  ];
  if (notice.kind === "staff_reply") {
    const { reply } = notice;
    return {
      subject: t("reply.subject", { id: ticket.id, subject: ticket.subject }),
      heading: t("reply.heading", { id: ticket.id }),
      paragraphs: [t("statusChanged.greeting", { name: ticket.fullName })],
      quote: {
        intro: t("reply.wrote", { name: reply.authorName }),
        body: reply.body,
        files: reply.attachments.map(({ fileName, fileUrl }) => ({ fileName, url: `${fileUrl}?key=${TRACKING_KEY_PLACEHOLDER}` })),
      },
      after: [...(notice.from !== undefined ? moved(notice.from) : []), t("reply.answer")],
      details,
    };
  }
  if (notice.kind === "resolution_reminder") {
    return {
      subject: t("reminder.subject", { id: ticket.id, subject: ticket.subject }),
      heading: t("reminder.heading", { id: ticket.id }),
      paragraphs: [t("statusChanged.greeting", { name: ticket.fullName }), t("reminder.asking"), t("reminder.autoClose")],
      details,
    };
  }
  const to = status(ticket.status).toLocaleLowerCase(locale);
  return {
    subject: t("statusChanged.subject", { id: ticket.id, status: to, subject: ticket.subject }),
    heading: t("statusChanged.heading", { id: ticket.id, status: to }),
    paragraphs: [t("statusChanged.greeting", { name: ticket.fullName }), ...moved(notice.from)],
    details,
  };
}

function toText(message: Draft, t: Translate): string {
  const quote = message.quote;
  return [
    ...message.paragraphs,
    ...(quote
      ? [
          `${quote.intro}\n\n${quote.body}`,
          ...(quote.files.length ? [`${t("reply.files")}\n${quote.files.map((file) => `- ${file.fileName}: ${file.url}`).join("\n")}`] : []),
        ]
      : []),
    ...(message.after ?? []),
    message.details.map(([label, value]) => `${label}: ${value}`).join("\n"),
    `${t("followHere")}\n${TRACKING_LINK_PLACEHOLDER}\n${t("linkNote")}`,
    t("signature"),
  ].join("\n\n");
}

// One column, system fonts, inline styles (the app's theme colours) and no images: it renders the same in phone mail apps
// and needs nothing from the network.
function toHtml(message: Draft, t: Translate, locale: Locale): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const rows = message.details
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#4a5a65;font-weight:normal;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  const link = TRACKING_LINK_PLACEHOLDER;
  const quote = message.quote;
  const quoted = quote
    ? paragraph(quote.intro) +
      `\n<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #0b6e63;background:#ffffff;white-space:pre-wrap">${escapeHtml(quote.body)}</blockquote>` +
      (quote.files.length
        ? `\n<p style="margin:0 0 4px">${escapeHtml(t("reply.files"))}</p><ul style="margin:0 0 16px;padding-left:20px">` +
          quote.files.map((file) => `<li><a href="${escapeHtml(file.url)}" style="color:#0b6e63">${escapeHtml(file.fileName)}</a></li>`).join("") +
          "</ul>"
        : "")
    : "";
  return `<!doctype html>
<html lang="${LOCALE_TAGS[locale]}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(message.subject)}</title></head>
<body style="margin:0;padding:0;background:#fbf8f3">
<div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c2a33">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(message.heading)}</h1>
${message.paragraphs.map(paragraph).join("\n")}
${quoted}${(message.after ?? []).map(paragraph).join("\n")}
<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>
<p style="margin:24px 0"><a href="${link}" style="display:inline-block;padding:12px 20px;background:#0b6e63;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">${escapeHtml(t("viewTicket"))}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#4a5a65">${escapeHtml(t("orOpen"))} <a href="${link}" style="color:#0b6e63;word-break:break-all">${link}</a><br>${escapeHtml(t("linkNote"))}</p>
<p style="margin:0;color:#4a5a65">${escapeHtml(t("signature"))}</p>
</div></body></html>`;
}

/**
 * The email for one ticket event, in the requester's language: a one-line subject and matching plain-text and HTML bodies, with
 * TRACKING_LINK_PLACEHOLDER where the private link goes (`withTrackingLink` puts it in when sending).
 */
export function composeTicketEmail(notice: TicketNotice, locale: Locale): ComposedEmail {
  const t = emailTranslator(locale);
  const message = draft(notice, t, locale);
  return { subject: oneLine(message.subject), text: toText(message, t), html: toHtml(message, t, locale) };
}

/** The bodies with the private link in place of TRACKING_LINK_PLACEHOLDER, and its key in place of TRACKING_KEY_PLACEHOLDER. */
export function withTrackingLink(bodies: { text: string; html: string }, trackingUrl: string): { text: string; html: string } {
  const key = new URL(trackingUrl).searchParams.get("key") ?? "";
  const fill = (body: string, escape: (value: string) => string) =>
    body.replaceAll(TRACKING_LINK_PLACEHOLDER, escape(trackingUrl)).replaceAll(TRACKING_KEY_PLACEHOLDER, escape(key));
  return { text: fill(bodies.text, (value) => value), html: fill(bodies.html, escapeHtml) };
}
