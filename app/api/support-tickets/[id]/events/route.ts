import { AppError } from "@/lib/errors";
import { requireTicketAccess } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { getTicketOrThrow, parseTicketId } from "@/lib/tickets/get-ticket";
import { listTicketEvents } from "@/lib/tickets/list-ticket-events";

// GET /api/support-tickets/{id}/events – the ticket's history, oldest first (staff, API token or the private link)
export const GET = withProblems(async (request, context: { params: Promise<{ id: string }> }) => {
  const { id: segment } = await context.params;
  const id = parseTicketId(segment);
  if (id === null) throw new AppError("not_found", `Ticket ${segment} does not exist`);
  await requireTicketAccess(request, id);
  await getTicketOrThrow(id);
  return jsonResponse(await listTicketEvents(id));
});
