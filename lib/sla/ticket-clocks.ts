import type { AwaitingParty, TicketPriority, TicketStatus } from "@/lib/tickets/workflow";
import { addBusinessMinutes, type BusinessCalendar, businessMinutesBetween } from "./business-time";
import type { ServiceLevels } from "./schemas";

/** What a ticket's service-level clocks depend on: its state after a change, and the clocks as they were before it. */
export interface ClockedTicket {
  priority: TicketPriority;
  status: TicketStatus;
  awaiting: AwaitingParty | null;
  createdAt: Date;
  firstRepliedAt: Date | null;
  slaUsedMinutes: number;
  slaClockSince: Date | null;
}

export interface SlaColumns {
  firstReplyDueAt: Date | null;
  resolutionDueAt: Date | null;
  slaUsedMinutes: number;
  slaClockSince: Date | null;
}

const inPlay = (status: TicketStatus) => status === "open" || status === "in_progress";

/**
 * The clocks after a change made at `now`. The first-reply clock runs from creation until the first public staff
 * reply (resolving or closing also stops it). The resolution clock runs only while the ticket is in play and it is
 * staff's turn: time waiting for the requester does not count, so a stop banks the business minutes used and a
 * restart counts the rest of the target from then. A clock that runs has its deadline; a stopped one has none.
 */
export function slaColumns(ticket: ClockedTicket, levels: { settings: ServiceLevels; calendar: BusinessCalendar }, now: Date): SlaColumns {
  const target = levels.settings.targets[ticket.priority];
  const running = inPlay(ticket.status) && ticket.awaiting === "staff";
  let used = ticket.slaUsedMinutes;
  let since = ticket.slaClockSince;
  if (since && !running) {
    used += businessMinutesBetween(since, now, levels.calendar);
    since = null;
  } else if (!since && running) {
    since = now;
  }
  return {
    firstReplyDueAt:
      inPlay(ticket.status) && ticket.firstRepliedAt === null
        ? addBusinessMinutes(ticket.createdAt, target.firstReplyMinutes, levels.calendar)
        : null,
    resolutionDueAt: since ? addBusinessMinutes(since, Math.max(0, target.resolutionMinutes - used), levels.calendar) : null,
    slaUsedMinutes: used,
    slaClockSince: since,
  };
}
