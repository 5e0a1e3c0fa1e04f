import { defineRoute } from "@/lib/http/define-route";
import { ticketParams } from "@/lib/http/route-params";
import { ticketResponse } from "@/lib/http/ticket-responses";
import { answerResolution } from "@/lib/tickets/answer-resolution";
import { resolutionInput } from "@/lib/tickets/message-schemas";

// POST /api/support-tickets/{id}/resolution – the requester confirms the fix (closes the ticket) or says it is not fixed (reopens it)
export const POST = defineRoute(
  { access: ["requester"], params: ticketParams, body: resolutionInput },
  async ({ actor, params, body }) => ticketResponse(await answerResolution(params.id, body, actor), actor),
);
