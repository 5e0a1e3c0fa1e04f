import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { reportSummaryQuery } from "@/lib/reports/schemas";
import { summarizeTickets } from "@/lib/reports/summarize-tickets";

// GET /api/reports/summary?from=2026-11-01&to=2026-11-30&groupBy=category – the report's figures as JSON (staff or token)
export const GET = defineRoute({ access: ["staff", "token"], query: reportSummaryQuery }, async ({ query }) =>
  jsonResponse(await summarizeTickets(query)),
);
