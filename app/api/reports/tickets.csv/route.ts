import { defineRoute } from "@/lib/http/define-route";
import { exportTicketsCsv } from "@/lib/reports/export-tickets-csv";
import { reportTicketsQuery } from "@/lib/reports/schemas";

// GET /api/reports/tickets.csv?from=2026-11-01&to=2026-11-30 – one CSV row per ticket created in the range (staff or token)
export const GET = defineRoute({ access: ["staff", "token"], query: reportTicketsQuery }, async ({ query }) =>
  new Response(exportTicketsCsv(query), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="tickets-${query.from}-${query.to}.csv"`,
    },
  }),
);
