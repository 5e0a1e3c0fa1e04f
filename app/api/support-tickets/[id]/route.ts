import { requireStaffOrToken, requireTicketAccess } from "@/lib/http/authenticate";
import { readJson } from "@/lib/http/body";
import { limitRequest } from "@/lib/http/rate-limit";
import { withProblems } from "@/lib/http/handler";
import { type TicketContext, ticketIdFrom } from "@/lib/http/route-params";
import { expectedVersion, ticketResponse } from "@/lib/http/ticket-responses";
import { getTicketOrThrow } from "@/lib/tickets/get-ticket";
import { updateTicketInput } from "@/lib/tickets/schemas";
import { updateTicket } from "@/lib/tickets/update-ticket";

// GET /api/support-tickets/{id} – one ticket with its attachments (staff, API token or the private link)
export const GET = withProblems(async (request, context: TicketContext) => {
  const id = await ticketIdFrom(context);
  await limitRequest(request, await requireTicketAccess(request, id));
  return ticketResponse(await getTicketOrThrow(id));
});

// PATCH /api/support-tickets/{id} – move through the workflow or recategorise; If-Match guards against lost updates
export const PATCH = withProblems(async (request, context: TicketContext) => {
  const actor = await requireStaffOrToken(request);
  await limitRequest(request, actor);
  const id = await ticketIdFrom(context);
  const changes = updateTicketInput.parse(await readJson(request));
  return ticketResponse(await updateTicket(id, changes, actor, expectedVersion(request)));
});
