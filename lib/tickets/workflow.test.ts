import { describe, expect, it } from "vitest";
import { ALLOWED_MOVES, canMove, TICKET_STATUSES, type TicketStatus } from "./workflow";

const allowed: Array<[TicketStatus, TicketStatus]> = [
  ["open", "in_progress"],
  ["open", "resolved"],
  ["open", "closed"],
  ["in_progress", "open"],
  ["in_progress", "resolved"],
  ["in_progress", "closed"],
  ["resolved", "in_progress"],
  ["resolved", "closed"],
];

describe("ticket workflow", () => {
  const everyPair = TICKET_STATUSES.flatMap((from) => TICKET_STATUSES.map((to) => [from, to] as const));

  it.each(everyPair)("%s → %s is allowed only when the contract lists it", (from, to) => {
    const listed = allowed.some(([f, t]) => f === from && t === to);
    expect(canMove(from, to)).toBe(listed);
  });

  it("a closed ticket cannot move anywhere", () => {
    expect(ALLOWED_MOVES.closed).toHaveLength(0);
  });

  it("no status moves to itself", () => {
    for (const status of TICKET_STATUSES) expect(canMove(status, status)).toBe(false);
  });
});
