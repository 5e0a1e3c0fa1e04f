import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { ticketParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { issueTrackingLink } from "@/lib/tickets/issue-tracking-link";

// POST /api/support-tickets/{id}/tracking-link – a new private link for the requester; the old one stops working (staff or API token)
export const POST = defineRoute({ access: ["staff", "token"], params: ticketParams }, async ({ request, actor, params }) =>
  jsonResponse(await issueTrackingLink(params.id, auditOrigin(request, actor))),
);
