import { STATUS_LABELS, type TicketStatus } from "@/lib/tickets/workflow";

/** The ticket fields an email quotes. */
export interface NoticeTicket {
  id: number;
  fullName: string;
  subject: string;
  category: string;
  message: string;
  status: TicketStatus;
}

export type TicketNotice =
  | { kind: "ticket_created"; ticket: NoticeTicket; trackingUrl: string }
  | { kind: "status_changed"; ticket: NoticeTicket; from: TicketStatus; trackingUrl: string };

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const NEXT_STEPS: Record<TicketStatus, string> = {
  open: "Your ticket is back in our queue; a member of our team will pick it up again soon.",
  in_progress: "A member of our team is working on it. We will email you again when there is news.",
  resolved:
    "We believe your issue is solved. If something is still not right, file a new ticket and mention this ticket's number.",
  closed: "This ticket is closed and will not change again. If you need more help, file a new ticket and mention its number.",
};

const QUOTE_LIMIT = 1_000;

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

function quote(message: string): string {
  return message.length > QUOTE_LIMIT ? `${message.slice(0, QUOTE_LIMIT)}…` : message;
}

interface Draft {
  subject: string;
  heading: string;
  paragraphs: string[];
  details: Array<[label: string, value: string]>;
  quotedMessage?: string;
}

function draft(notice: TicketNotice): Draft {
  const { ticket } = notice;
  const details: Draft["details"] = [
    ["Subject", ticket.subject],
    ["Category", ticket.category],
    ["Status", STATUS_LABELS[ticket.status]],
  ];
  if (notice.kind === "ticket_created") {
    return {
      subject: `We received your ticket #${ticket.id}: ${ticket.subject}`,
      heading: `We received your ticket #${ticket.id}`,
      paragraphs: [
        `Hello ${ticket.fullName},`,
        "Thank you for contacting Kinconecta Support. Our team will look at your ticket soon, and we will email you whenever its status changes.",
      ],
      details,
      quotedMessage: quote(ticket.message),
    };
  }
  const from = STATUS_LABELS[notice.from].toLowerCase();
  const to = STATUS_LABELS[ticket.status].toLowerCase();
  return {
    subject: `Your ticket #${ticket.id} is now ${to}: ${ticket.subject}`,
    heading: `Your ticket #${ticket.id} is now ${to}`,
    paragraphs: [`Hello ${ticket.fullName},`, `Your ticket moved from ${from} to ${to}.`, NEXT_STEPS[ticket.status]],
    details,
  };
}

const LINK_NOTE = "This link is private: anyone who has it can see your ticket, so please do not share it.";

function toText(message: Draft, trackingUrl: string): string {
  return [
    ...message.paragraphs,
    message.details.map(([label, value]) => `${label}: ${value}`).join("\n"),
    ...(message.quotedMessage ? [`Your message:\n${message.quotedMessage}`] : []),
    `Follow your ticket here:\n${trackingUrl}\n${LINK_NOTE}`,
    "— Kinconecta Support",
  ].join("\n\n");
}

// One column, system fonts, inline styles (the app's theme colours) and no images: it renders the same in phone mail apps
// and needs nothing from the network.
function toHtml(message: Draft, trackingUrl: string): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const rows = message.details
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#4a5a65;font-weight:normal;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  const quoted = message.quotedMessage
    ? `<p style="margin:0 0 4px;color:#4a5a65">Your message:</p>` +
      `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #d1d5db;white-space:pre-wrap">${escapeHtml(message.quotedMessage)}</blockquote>`
    : "";
  const link = escapeHtml(trackingUrl);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(message.subject)}</title></head>
<body style="margin:0;padding:0;background:#fbf8f3">
<div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c2a33">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(message.heading)}</h1>
${message.paragraphs.map(paragraph).join("\n")}
<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>
${quoted}
<p style="margin:24px 0"><a href="${link}" style="display:inline-block;padding:12px 20px;background:#0b6e63;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">View your ticket</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#4a5a65">Or open this address: <a href="${link}" style="color:#0b6e63;word-break:break-all">${link}</a><br>${escapeHtml(LINK_NOTE)}</p>
<p style="margin:0;color:#4a5a65">— Kinconecta Support</p>
</div></body></html>`;
}

/** The email for one ticket event: a one-line subject and matching plain-text and HTML bodies. */
export function composeTicketEmail(notice: TicketNotice): ComposedEmail {
  const message = draft(notice);
  return {
    subject: oneLine(message.subject),
    text: toText(message, notice.trackingUrl),
    html: toHtml(message, notice.trackingUrl),
  };
}
