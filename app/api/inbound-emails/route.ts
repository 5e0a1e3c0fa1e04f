import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { listInboundEmails } from "@/lib/inbound-email/list-inbound-emails";
import { listInboundEmailsQuery } from "@/lib/inbound-email/schemas";

// GET /api/inbound-emails – the newest received emails and what became of each (admins and API tokens)
export const GET = defineRoute({ access: ["admin", "token"], query: listInboundEmailsQuery }, async ({ query }) =>
  jsonResponse(await listInboundEmails(query)),
);
