import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import type { BulkUpdateInput } from "./schemas";
import type { VersionedTicket } from "./serialize";
import { updateTicket } from "./update-ticket";

export interface BulkOutcome {
  id: number;
  outcome: VersionedTicket | AppError;
}

/**
 * Applies one change to each named ticket, one after the other, each in its own transaction with its own checks
 * (workflow 409, stale `version` 412, unknown 404): a ticket that cannot take the change does not hold back the rest.
 */
export async function bulkUpdateTickets(input: BulkUpdateInput, actor: Actor): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = [];
  for (const { id, version } of input.tickets) {
    try {
      outcomes.push({ id, outcome: await updateTicket(id, input.changes, actor, version) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      outcomes.push({ id, outcome: error });
    }
  }
  return outcomes;
}
