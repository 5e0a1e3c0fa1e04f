import { ALLOWED_MOVES, type TicketStatus } from "@/lib/tickets/workflow";

export interface TicketMove {
  to: TicketStatus;
  /** The button's accessible name, which people and tests look for. */
  label: string;
  /** The keyboard shortcut on the ticket view. */
  key: string;
}

function moveTo(from: TicketStatus, to: TicketStatus): TicketMove {
  switch (to) {
    case "in_progress":
      return from === "resolved" ? { to, label: "Reopen", key: "o" } : { to, label: "Start", key: "s" };
    case "open":
      return { to, label: "Back to open", key: "b" };
    case "resolved":
      return { to, label: "Resolve", key: "v" };
    case "closed":
      return { to, label: "Close ticket", key: "c" };
  }
}

/** The moves the workflow allows from a status, as buttons. */
export function ticketMoves(from: TicketStatus): TicketMove[] {
  return ALLOWED_MOVES[from].map((to) => moveTo(from, to));
}
