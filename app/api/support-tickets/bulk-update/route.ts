import { defineRoute } from "@/lib/http/define-route";
import { problemOf } from "@/lib/http/problem";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { AppError } from "@/lib/errors";
import { bulkUpdateTickets } from "@/lib/tickets/bulk-update";
import { type BulkUpdateResult, bulkUpdateInput } from "@/lib/tickets/schemas";

// POST /api/support-tickets/bulk-update – one change (status, category, priority, owner) for up to 100 tickets, each judged on its own (staff or API token)
export const POST = defineRoute({ access: ["staff", "token"], body: bulkUpdateInput }, async ({ actor, body }) => {
  const outcomes = await bulkUpdateTickets(body, actor);
  const results: BulkUpdateResult["results"] = outcomes.map(({ id, outcome }) => {
    if (!(outcome instanceof AppError)) return { id, status: 200, ticket: outcome.ticket };
    const problem = problemOf(outcome);
    return { id, status: problem.status, problem };
  });
  return jsonResponse({ results });
});
