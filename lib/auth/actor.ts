export const STAFF_ROLES = ["agent", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who is making a request, as every domain operation records it. */
export type Actor =
  | { kind: "public" }
  | { kind: "requester"; ticketId: number }
  | { kind: "token"; tokenId: number; name: string }
  | { kind: "staff"; userId: string; email: string; role: StaffRole };

export const PUBLIC_ACTOR: Actor = { kind: "public" };

/**
 * Staff and API clients see what is internal to the desk: notes (with their files and history) and triage
 * (priority, owner, service levels); a requester never does.
 */
export function seesInternals(viewer: Actor): boolean {
  return viewer.kind === "staff" || viewer.kind === "token";
}

/** How an actor appears in a ticket's history. */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "public":
    case "requester":
      return "requester";
    case "token":
      return `token:${actor.name}`;
    case "staff":
      return `staff:${actor.email}`;
  }
}

/** A key that scopes per-caller state such as idempotency keys and rate limits. */
export function actorScope(actor: Actor): string {
  switch (actor.kind) {
    case "public":
      return "public";
    case "requester":
      return `requester:${actor.ticketId}`;
    case "token":
      return `token:${actor.tokenId}`;
    case "staff":
      return `staff:${actor.userId}`;
  }
}
