import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { countTicketsByStatus } from "@/lib/tickets/count-tickets-by-status";

// GET /api/support-tickets/counts – how many tickets are in each status, e.g. {"open":3,"in_progress":1,…}
export const GET = defineRoute({ access: ["staff", "token"] }, async () => jsonResponse(await countTicketsByStatus()));
