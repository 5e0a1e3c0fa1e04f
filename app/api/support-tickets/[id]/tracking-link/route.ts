import { requireStaffOrToken } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { limitRequest } from "@/lib/http/rate-limit";
import { type TicketContext, ticketIdFrom } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { issueTrackingLink } from "@/lib/tickets/issue-tracking-link";

// POST /api/support-tickets/{id}/tracking-link – a new private link for the requester; the old one stops working (staff or API token)
export const POST = withProblems(async (request, context: TicketContext) => {
  const actor = await requireStaffOrToken(request);
  await limitRequest(request, actor);
  const id = await ticketIdFrom(context);
  return jsonResponse(await issueTrackingLink(id, actor));
});
