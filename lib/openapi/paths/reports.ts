import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { MAX_REPORT_DAYS, REPORT_CSV_COLUMNS, reportSummaryQuery, reportSummarySchema, reportTicketsQuery } from "@/lib/reports/schemas";
import { problemResponses, security } from "../components";

const ReportSummary = reportSummarySchema.meta({ id: "ReportSummary", description: "The report's figures, overall and per group" });

const RANGE =
  `\`from\` and \`to\` are dates (inclusive, at most ${MAX_REPORT_DAYS} days) counted in the server's DEFAULT_TIME_ZONE ` +
  "(America/Mexico_City unless configured; the answer names it), from midnight of `from` to midnight after `to`. " +
  "`category`, `roleContext`, `locale` and `channel` narrow the tickets.";

const reportProblems = { 422: "A query parameter is missing or not valid (each error names it), or `to` is before `from`" };

export const reportPaths: ZodOpenApiPathsObject = {
  "/api/reports/summary": {
    get: {
      operationId: "summarizeTickets",
      tags: ["Reports"],
      summary: "Report figures",
      description:
        "Tickets created and closed per day with the backlog by status at the end of each day (rebuilt from the ticket " +
        "history); over the tickets created in the range: median and 90th-percentile first-reply and resolution times " +
        "in calendar hours and in business hours (the service levels' schedule, holidays and time zone as they are now), service-level attainment (of the tickets " +
        "whose outcome is known: replied or resolved, or a breach recorded), satisfaction and reopen rate (resolved " +
        `tickets that went back to in_progress). With \`groupBy\`, the same figures per value of that field as well. ${RANGE}`,
      security: security.staffOrToken,
      requestParams: { query: reportSummaryQuery },
      responses: {
        200: { description: "The figures", content: { "application/json": { schema: ReportSummary } } },
        ...problemResponses([401, 422, 429, 500], { descriptions: reportProblems }),
      },
    },
  },
  "/api/reports/tickets.csv": {
    get: {
      operationId: "exportTicketsCsv",
      tags: ["Reports"],
      summary: "Export tickets as CSV",
      description:
        `One CSV row (RFC 4180) per ticket created in the range, by id, under a header line: ${REPORT_CSV_COLUMNS.map((column) => `\`${column}\``).join(", ")}. ` +
        "`firstReplyHours` and `resolutionHours` are calendar hours, `firstReplyBusinessHours` and `resolutionBusinessHours` the same in business hours, with two decimals (empty when not yet reached); `breached` lists the missed targets " +
        `separated by spaces; \`rating\` is empty when the requester gave none. Streamed: any size of range is fine. ${RANGE}`,
      security: security.staffOrToken,
      requestParams: { query: reportTicketsQuery },
      responses: {
        200: {
          description: "The tickets, streamed",
          headers: z.object({
            "Content-Disposition": z.string().meta({ description: "A download named after the range", example: 'attachment; filename="tickets-2026-11-01-2026-11-30.csv"' }),
          }),
          content: { "text/csv": { schema: z.string().meta({ example: `${REPORT_CSV_COLUMNS.join(",")}\r\n42,2026-11-03T16:20:00.000Z,closed,Billing,tourist,es,web,normal,1.5,20.25,,5,1.5,9.25\r\n` }) } },
        },
        ...problemResponses([401, 422, 429, 500], { descriptions: reportProblems }),
      },
    },
  },
};
