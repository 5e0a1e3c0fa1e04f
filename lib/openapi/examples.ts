import type { OutboxMessage } from "@/lib/notifications/schemas";
import type { AuditEntry } from "@/lib/audit/schemas";
import type { StaffAccount } from "@/lib/staff/schemas";
import type { Message } from "@/lib/tickets/message-schemas";
import type { Attachment, Ticket, TicketEvent } from "@/lib/tickets/schemas";
import { SEED_TICKETS } from "@/lib/tickets/seed-examples";
import { businessCalendarOf, DEFAULT_SERVICE_LEVELS } from "@/lib/sla/schemas";
import { slaColumns } from "@/lib/sla/ticket-clocks";

const SERVER = "https://support.kinconecta.com";

/** A seed ticket as the API returns it (`index` is its position in the seed, so its id is index + 1). */
function seedTicket(index: number, attachments: Attachment[] = []): Ticket {
  const { createdAt, updatedAt, ...fields } = SEED_TICKETS[index]!;
  const filedAt = new Date(createdAt);
  const clocks = slaColumns(
    { priority: "normal", status: fields.status, awaiting: "staff", createdAt: filedAt, firstRepliedAt: null, slaUsedMinutes: 0, slaClockSince: null },
    { settings: DEFAULT_SERVICE_LEVELS, calendar: businessCalendarOf(DEFAULT_SERVICE_LEVELS) },
    filedAt,
  );
  return {
    id: index + 1,
    ...fields,
    priority: "normal",
    assignee: null,
    sla: { firstReplyDueAt: clocks.firstReplyDueAt?.toISOString() ?? null, resolutionDueAt: clocks.resolutionDueAt?.toISOString() ?? null, breached: [] },
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    attachments,
    lastMessageAt: new Date(createdAt).toISOString(),
    awaiting: "staff",
    closedReason: null,
    satisfaction: null,
  };
}

const maria = seedTicket(0);
const carlos = seedTicket(1, [
  { id: 1, fileName: "screenshot.png", fileUrl: `${SERVER}/api/support-tickets/2/attachments/1` },
]);
const ana = seedTicket(2);
const { roleContext, fullName, email, subject, category, message } = ana;

/** The seed document's examples, for the OpenAPI document. */
export const seedExamples = {
  ticket: { summary: "A tourist's open ticket", value: maria },
  ticketList: { summary: "The seed's first two tickets", value: [maria, carlos] },
  createRequest: {
    summary: "A tourist asks about cancellations",
    value: { roleContext, fullName, email, subject, category, message },
  },
  createdTicket: {
    summary: "The filed ticket",
    value: { ...ana, trackingUrl: `${SERVER}/support/tickets/3?key=3q2-7wEXAMPLEKEY` },
  },
};

const events: TicketEvent[] = [
  { id: 3, type: "created", fromValue: null, toValue: "open", actor: "requester", createdAt: carlos.createdAt },
  {
    id: 4,
    type: "status_changed",
    fromValue: "open",
    toValue: "in_progress",
    actor: "staff:lucia@kinconecta.com",
    createdAt: carlos.updatedAt,
  },
];

/** Examples for the other ticket operations, from the same seed. */
export const ticketExamples = {
  counts: { summary: "The seed's tickets by status", value: { open: 1, in_progress: 1, resolved: 1, closed: 0 } },
  events: { summary: "Filed, then taken by an agent", value: events },
  issuedTrackingLink: {
    summary: "Ana's ticket gets a new link",
    value: { trackingUrl: `${SERVER}/support/tickets/3?key=Wm4-9pQEXAMPLENEWKEY` },
  },
};

const lucia: StaffAccount = {
  id: "ZAPbleoM68K40blMOjgNqpML2iMuqyfg",
  email: "lucia@kinconecta.com",
  name: "lucia",
  role: "agent",
  disabled: false,
  available: false,
  openTicketCap: null,
  createdAt: "2026-03-01T09:00:00.000Z",
};

export const adminExamples = {
  tokenList: {
    summary: "A live token and a revoked one",
    value: [
      { id: 2, name: "zapier", createdAt: "2026-03-02T08:00:00.000Z", lastUsedAt: "2026-03-10T11:02:00.000Z", revokedAt: null },
      { id: 1, name: "import", createdAt: "2026-03-01T08:00:00.000Z", lastUsedAt: null, revokedAt: "2026-03-01T12:00:00.000Z" },
    ],
  },
  createdToken: { summary: "Shown once", value: { id: 3, name: "zapier", token: "kct_y5ha7nOYDK2kONK6MKAQiEMYbyCgYnwp4QGoMNcgdr8" } },
  staffList: {
    summary: "An admin and an agent",
    value: [
      {
        id: "TLSfHjyHZ1SKo5Az5jUqHpOIp8q5XtFo",
        email: "admin@kinconecta.local",
        name: "Admin",
        role: "admin",
        disabled: false,
        available: false,
        openTicketCap: null,
        createdAt: "2026-02-28T09:00:00.000Z",
      },
      lucia,
    ] satisfies StaffAccount[],
  },
  createdStaffAccount: { summary: "A new agent", value: lucia },
  auditLog: {
    summary: "A failed sign-in and a token created",
    value: [
      {
        id: 12,
        action: "sign_in.failed",
        actor: "lucia@kinconecta.com",
        target: null,
        detail: { reason: "INVALID_EMAIL_OR_PASSWORD" },
        ipAddress: "203.0.113.7",
        createdAt: "2026-03-10T11:05:00.000Z",
      },
      {
        id: 11,
        action: "api_token.created",
        actor: "staff:admin@kinconecta.local",
        target: "api_token:2",
        detail: { name: "zapier" },
        ipAddress: "198.51.100.20",
        createdAt: "2026-03-02T08:00:00.000Z",
      },
    ] satisfies AuditEntry[],
  },
};

const confirmation: OutboxMessage = {
  id: 7,
  messageId: "<b840ba66-25e1-41a5-a1d7-3c51d1d3554e@support.kinconecta.com>",
  ticketId: 3,
  kind: "ticket_created",
  recipientName: ana.fullName,
  recipientEmail: ana.email,
  subject: "We received your ticket [#3]",
  textBody: `Hello ${ana.fullName},\n\nThank you for contacting Kinconecta Support. …`,
  locale: "en",
  inReplyTo: null,
  replyTo: null,
  status: "sent",
  attempts: 1,
  nextAttemptAt: ana.createdAt,
  lastError: null,
  sentAt: ana.createdAt,
  createdAt: ana.createdAt,
};

export const notificationExamples = {
  outbox: { summary: "A sent confirmation", value: [confirmation] },
};

const carlosMessages: Message[] = [
  {
    id: 2,
    ticketId: 2,
    kind: "reply",
    author: { type: "requester", name: carlos.fullName },
    body: carlos.message,
    channel: "web",
    createdAt: carlos.createdAt,
    attachments: carlos.attachments,
    refusedAttachments: [],
  },
  {
    id: 5,
    ticketId: 2,
    kind: "note",
    author: { type: "staff", name: "Lucía" },
    body: "Payments says the card was declined by the bank, not by us.",
    channel: "web",
    createdAt: carlos.updatedAt,
    attachments: [],
    refusedAttachments: [],
  },
  {
    id: 6,
    ticketId: 2,
    kind: "reply",
    author: { type: "staff", name: "Lucía" },
    body: "Hi Carlos,\nyour bank declined the payment. Could you try again, or use another card?",
    channel: "web",
    createdAt: carlos.updatedAt,
    attachments: [],
    refusedAttachments: [],
  },
  {
    id: 7,
    ticketId: 2,
    kind: "reply",
    author: { type: "requester", name: carlos.fullName },
    body: "Tried another card and it went through. Thanks!",
    channel: "email",
    createdAt: carlos.updatedAt,
    attachments: [],
    refusedAttachments: [{ fileName: "receipt.exe", reason: '"receipt.exe" is not an allowed file type; allowed are PNG, JPEG, GIF, WebP, PDF, plain text' }],
    originalEmailUrl: `${SERVER}/api/support-tickets/2/messages/7/original`,
  },
];

export const conversationExamples = {
  messages: { summary: "The original message, an internal note and a reply", value: carlosMessages },
  reply: { summary: "An agent's reply", value: carlosMessages[2] },
  addMessage: {
    reply: { summary: "Reply", value: { body: "Could you try again, or use another card?" } },
    sendAndResolve: { summary: "Reply and resolve", value: { body: "Fixed: your booking is confirmed.", status: "resolved" } },
    note: { summary: "Internal note (staff only)", value: { body: "Checked with payments.", kind: "note" } },
  },
  resolution: {
    confirm: { summary: "Yes, close it", value: { accepted: true } },
    reject: { summary: "No, I still need help", value: { accepted: false, body: "I still cannot see the booking in my account." } },
  },
};
