import { ALLOWED_MOVES, type TicketStatus } from "@/lib/tickets/workflow";

export interface TicketMove {
  to: TicketStatus;
  /** The keyboard shortcut on the ticket view. */
  key: string;
}

function moveTo(from: TicketStatus, to: TicketStatus): TicketMove {
  switch (to) {
    case "in_progress":
      return from === "resolved" ? { to, key: "o" } : { to, key: "s" };
    case "open":
      return { to, key: "b" };
    case "resolved":
      return { to, key: "v" };
    case "closed":
      return { to, key: "c" };
  }
}

/** The moves the workflow allows from a status, as buttons. */
export function ticketMoves(from: TicketStatus): TicketMove[] {
  return ALLOWED_MOVES[from].map((to) => moveTo(from, to));
}
