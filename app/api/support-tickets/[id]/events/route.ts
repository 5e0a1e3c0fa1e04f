import { defineRoute } from "@/lib/http/define-route";
import { ticketParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { listTicketEvents } from "@/lib/tickets/list-ticket-events";

// GET /api/support-tickets/{id}/events – the ticket's history, oldest first (staff, API token or the private link)
export const GET = defineRoute({ access: ["staff", "token", "requester"], params: ticketParams }, async ({ actor, params }) =>
  jsonResponse(await listTicketEvents(params.id, actor)),
);
