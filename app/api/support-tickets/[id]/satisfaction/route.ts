import { defineRoute } from "@/lib/http/define-route";
import { ticketParams } from "@/lib/http/route-params";
import { ticketResponse } from "@/lib/http/ticket-responses";
import { satisfactionInput } from "@/lib/tickets/message-schemas";
import { rateSatisfaction } from "@/lib/tickets/rate-satisfaction";

// POST /api/support-tickets/{id}/satisfaction – the requester rates a closed ticket, once
export const POST = defineRoute(
  { access: ["requester"], params: ticketParams, body: satisfactionInput },
  async ({ actor, params, body }) => ticketResponse(await rateSatisfaction(params.id, body, actor), actor),
);
