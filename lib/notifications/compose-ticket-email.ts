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
  | { kind: "ticket_created"; ticket: NoticeTicket }
  | { kind: "status_changed"; ticket: NoticeTicket; from: TicketStatus };

/**
 * Stands for the private tracking link in a composed email until it is sent: the link is built then, at the
 * ticket's current link version, so the outbox never stores a key and a link staff replaced is never mailed.
 * Should a requester type it into their own subject, it becomes their own link, in an email to themselves.
 */
export const TRACKING_LINK_PLACEHOLDER = "{{tracking-link}}";

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
  details: Array<[label: string, value: string]>;
}

function draft(notice: TicketNotice): Draft {
  const { ticket } = notice;
  if (notice.kind === "ticket_created") {
    // The first email to an address nobody has verified: anyone can file a ticket in someone else's name, so
    // it carries nothing the filer wrote (name, subject, message), only our own words, or it would relay spam.
    return {
      subject: `We received your ticket #${ticket.id}`,
      heading: `We received your ticket #${ticket.id}`,
      paragraphs: [
        "Hello,",
        "Thank you for contacting Kinconecta Support. Our team will look at your ticket soon, and we will email you whenever its status changes.",
        "If you did not contact us, someone else used your email address: you can ignore this email.",
      ],
      details: [
        ["Category", ticket.category],
        ["Status", STATUS_LABELS[ticket.status]],
      ],
    };
  }
  const from = STATUS_LABELS[notice.from].toLowerCase();
  const to = STATUS_LABELS[ticket.status].toLowerCase();
  return {
    subject: `Your ticket #${ticket.id} is now ${to}: ${ticket.subject}`,
    heading: `Your ticket #${ticket.id} is now ${to}`,
    paragraphs: [`Hello ${ticket.fullName},`, `Your ticket moved from ${from} to ${to}.`, NEXT_STEPS[ticket.status]],
    details: [
      ["Subject", ticket.subject],
      ["Category", ticket.category],
      ["Status", STATUS_LABELS[ticket.status]],
    ],
  };
}

const LINK_NOTE = "This link is private: anyone who has it can see your ticket, so please do not share it.";

function toText(message: Draft): string {
  return [
    ...message.paragraphs,
    message.details.map(([label, value]) => `${label}: ${value}`).join("\n"),
    `Follow your ticket here:\n${TRACKING_LINK_PLACEHOLDER}\n${LINK_NOTE}`,
    "— Kinconecta Support",
  ].join("\n\n");
}

// One column, system fonts, inline styles (the app's theme colours) and no images: it renders the same in phone mail apps
// and needs nothing from the network.
function toHtml(message: Draft): string {
  const paragraph = (text: string) => `<p style="margin:0 0 16px">${escapeHtml(text)}</p>`;
  const rows = message.details
    .map(
      ([label, value]) =>
        `<tr><th align="left" style="padding:4px 12px 4px 0;color:#4a5a65;font-weight:normal;vertical-align:top">${escapeHtml(label)}</th>` +
        `<td style="padding:4px 0">${escapeHtml(value)}</td></tr>`,
    )
    .join("");
  const link = TRACKING_LINK_PLACEHOLDER;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(message.subject)}</title></head>
<body style="margin:0;padding:0;background:#fbf8f3">
<div style="max-width:560px;margin:0 auto;padding:24px 16px;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1c2a33">
<h1 style="font-size:22px;line-height:1.3;margin:0 0 16px">${escapeHtml(message.heading)}</h1>
${message.paragraphs.map(paragraph).join("\n")}
<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${rows}</table>
<p style="margin:24px 0"><a href="${link}" style="display:inline-block;padding:12px 20px;background:#0b6e63;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:600">View your ticket</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#4a5a65">Or open this address: <a href="${link}" style="color:#0b6e63;word-break:break-all">${link}</a><br>${escapeHtml(LINK_NOTE)}</p>
<p style="margin:0;color:#4a5a65">— Kinconecta Support</p>
</div></body></html>`;
}

/**
 * The email for one ticket event: a one-line subject and matching plain-text and HTML bodies, with
 * TRACKING_LINK_PLACEHOLDER where the private link goes (`withTrackingLink` puts it in when sending).
 */
export function composeTicketEmail(notice: TicketNotice): ComposedEmail {
  const message = draft(notice);
  return { subject: oneLine(message.subject), text: toText(message), html: toHtml(message) };
}

/** The bodies with the private link in place of TRACKING_LINK_PLACEHOLDER. */
export function withTrackingLink(bodies: { text: string; html: string }, trackingUrl: string): { text: string; html: string } {
  return {
    text: bodies.text.replaceAll(TRACKING_LINK_PLACEHOLDER, trackingUrl),
    html: bodies.html.replaceAll(TRACKING_LINK_PLACEHOLDER, escapeHtml(trackingUrl)),
  };
}
