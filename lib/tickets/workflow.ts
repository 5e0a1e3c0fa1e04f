export const TICKET_STATUSES = ["open", "in_progress", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** What a ticket's history records. */
export const TICKET_EVENT_TYPES = [
  "created",
  "status_changed",
  "category_changed",
  "attachment_added",
  "notification_sent",
  "notification_failed",
  "message_added",
  "resolution_confirmed",
  "resolution_rejected",
  "satisfaction_rated",
  "priority_changed",
  "assignee_changed",
  "sla_breached",
] as const;

/** The promises a service level makes per priority; a missed one is recorded once as `sla_breached`. */
export const SLA_TARGETS = ["first_reply", "resolution"] as const;
export type SlaTarget = (typeof SLA_TARGETS)[number];

/** How urgent a ticket is; `normal` unless staff say otherwise. */
export const TICKET_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

/** Whose turn it is on an open conversation; null once the ticket is closed. */
export const AWAITING_PARTIES = ["staff", "requester"] as const;
export type AwaitingParty = (typeof AWAITING_PARTIES)[number];

/** Why a closed ticket closed: the requester confirmed the fix, nobody answered in time, or staff closed it. */
export const CLOSED_REASONS = ["confirmed", "auto_closed", "staff"] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

export const ROLE_CONTEXTS = ["tourist", "guide"] as const;
export type RoleContext = (typeof ROLE_CONTEXTS)[number];

/** Every status a ticket may move to from each status; `closed` is final. */
export const ALLOWED_MOVES: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  open: ["in_progress", "resolved", "closed"],
  in_progress: ["open", "resolved", "closed"],
  resolved: ["in_progress", "closed"],
  closed: [],
};

export function canMove(from: TicketStatus, to: TicketStatus): boolean {
  return ALLOWED_MOVES[from].includes(to);
}

export const STATUS_LABELS: Readonly<Record<TicketStatus, string>> = {
  open: "Open",
  in_progress: "In progress",
  resolved: "Resolved",
  closed: "Closed",
};
