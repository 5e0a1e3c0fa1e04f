import { defineRoute } from "@/lib/http/define-route";
import { ticketParams } from "@/lib/http/route-params";
import { expectedVersion, ticketResponse } from "@/lib/http/ticket-responses";
import { getTicketOrThrow } from "@/lib/tickets/get-ticket";
import { updateTicketInput } from "@/lib/tickets/schemas";
import { updateTicket } from "@/lib/tickets/update-ticket";

// GET /api/support-tickets/{id} – one ticket with its attachments (staff, API token or the private link)
export const GET = defineRoute({ access: ["staff", "token", "requester"], params: ticketParams }, async ({ actor, params }) =>
  ticketResponse(await getTicketOrThrow(params.id), actor),
);

// PATCH /api/support-tickets/{id} – move through the workflow, recategorise, set the priority or the owner; If-Match guards against lost updates
export const PATCH = defineRoute(
  { access: ["staff", "token"], params: ticketParams, body: updateTicketInput },
  async ({ request, actor, params, body }) => ticketResponse(await updateTicket(params.id, body, actor, expectedVersion(request)), actor),
);
