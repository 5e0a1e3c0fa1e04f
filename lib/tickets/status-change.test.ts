import { describe, expect, it } from "vitest";
import { assertMove, statusColumns } from "./status-change";

describe("statusColumns: what every move sets beside the status", () => {
  it("a resolved ticket waits for the requester and starts the auto-close clock afresh", () => {
    const columns = statusColumns({ status: "in_progress", awaiting: "staff" }, "resolved", "staff");
    expect(columns).toMatchObject({ status: "resolved", awaiting: "requester", reminderQueuedAt: null, closedReason: null });
    expect(columns.resolvedAt).toBeDefined();
  });

  it("a closed ticket waits for nobody and says why it closed", () => {
    expect(statusColumns({ status: "resolved", awaiting: "requester" }, "closed", "confirmed")).toEqual({
      status: "closed",
      awaiting: null,
      closedReason: "confirmed",
    });
  });

  it("reopening a resolved ticket hands the turn back to staff and stops the clock", () => {
    expect(statusColumns({ status: "resolved", awaiting: "requester" }, "in_progress", "staff")).toMatchObject({
      status: "in_progress",
      awaiting: "staff",
      resolvedAt: null,
    });
  });

  it("other moves keep whose turn it is", () => {
    expect(statusColumns({ status: "open", awaiting: "requester" }, "in_progress", "staff")).toMatchObject({ awaiting: "requester" });
  });

  it("refuses a move the workflow does not allow, naming the allowed ones", () => {
    expect(() => assertMove(7, "resolved", "open")).toThrow("Ticket 7 is resolved and cannot move to open; it can move to: in progress, closed");
    expect(() => assertMove(7, "closed", "open")).toThrow("closed tickets are final");
    expect(() => assertMove(7, "open", "resolved")).not.toThrow();
  });
});
