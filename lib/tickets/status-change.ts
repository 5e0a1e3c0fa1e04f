import "server-only";
import { sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import type { tickets } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { ALLOWED_MOVES, type AwaitingParty, canMove, type ClosedReason, STATUS_LABELS, type TicketStatus } from "./workflow";

/** 409 unless the workflow allows `from` → `to`, naming the moves that are allowed. */
export function assertMove(id: number, from: TicketStatus, to: TicketStatus): void {
  if (canMove(from, to)) return;
  const allowed = ALLOWED_MOVES[from].map((status) => STATUS_LABELS[status].toLowerCase());
  throw new AppError(
    "conflict",
    `Ticket ${id} is ${STATUS_LABELS[from].toLowerCase()} and cannot move to ${STATUS_LABELS[to].toLowerCase()}` +
      (allowed.length ? `; it can move to: ${allowed.join(", ")}` : "; closed tickets are final"),
  );
}

/**
 * The columns a move to `to` sets besides the status, so every way a ticket moves (PATCH, a reply with
 * `status`, the requester's answer, auto-close) keeps them alike: a resolved ticket waits for the
 * requester's confirmation and starts the auto-close clock; a closed one waits for nobody and says why;
 * reopening hands the turn back to staff.
 */
export function statusColumns(
  current: { status: TicketStatus; awaiting: AwaitingParty | null },
  to: TicketStatus,
  closedBy: ClosedReason,
): PgUpdateSetSource<typeof tickets> {
  const awaiting = awaitingAfterMove(current, to);
  switch (to) {
    case "resolved":
      return { status: to, awaiting, resolvedAt: sql`now()`, reminderQueuedAt: null, closedReason: null };
    case "closed":
      return { status: to, awaiting, closedReason: closedBy };
    default:
      return { status: to, awaiting, resolvedAt: null, reminderQueuedAt: null, closedReason: null };
  }
}

/** Whose turn it is after a move to `to` (as statusColumns sets it). */
export function awaitingAfterMove(current: { status: TicketStatus; awaiting: AwaitingParty | null }, to: TicketStatus): AwaitingParty | null {
  switch (to) {
    case "resolved":
      return "requester";
    case "closed":
      return null;
    default:
      return current.status === "resolved" ? "staff" : (current.awaiting ?? "staff");
  }
}
