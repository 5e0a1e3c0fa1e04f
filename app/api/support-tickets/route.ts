import { defineRoute } from "@/lib/http/define-route";
import { idempotencyScope, withIdempotency } from "@/lib/http/idempotency";
import { localeFromHeaders } from "@/lib/i18n/request-locale";
import { listQueryFromUrl, nextPageLink } from "@/lib/http/list-query";
import { createdTicketResponse, createdTicketResult, jsonResponse } from "@/lib/http/ticket-responses";
import { readTicketSubmission } from "@/lib/http/ticket-submission";
import { fileTicket } from "@/lib/tickets/file-ticket";
import { listTickets } from "@/lib/tickets/list-tickets";
import { createTicketInput, type RequesterTicket, type Ticket } from "@/lib/tickets/schemas";

// GET /api/support-tickets – one page of tickets, newest first; the next page is in the Link header
export const GET = defineRoute({ access: ["staff", "token"] }, async ({ request, actor }) => {
  const url = new URL(request.url);
  const page = await listTickets(listQueryFromUrl(url), actor);
  const headers: HeadersInit = page.nextCursor ? { link: nextPageLink(url, page.nextCursor) } : {};
  return jsonResponse(page.tickets, { headers });
});

// POST /api/support-tickets – file a ticket as JSON, or as multipart/form-data with files (anyone; API tokens may also import status and dates)
export const POST = defineRoute({ access: ["public"], limit: "public-create" }, async ({ request, actor }) => {
  const submission = await readTicketSubmission(request);
  try {
    const input = createTicketInput.parse(submission.fields);
    // The idempotent response is saved in the transaction that files the ticket.
    const result = await withIdempotency<Ticket | RequesterTicket>(request, idempotencyScope(request, actor), submission.fingerprint, async (save) => {
      const filed = await fileTicket({
        input: { ...input, locale: input.locale ?? localeFromHeaders(request.headers) },
        files: submission.files,
        actor,
        beforeCommit: (tx, ticket) => save(tx, createdTicketResult(ticket, actor)),
      });
      return createdTicketResult(filed, actor);
    });
    return createdTicketResponse(result);
  } finally {
    await submission.discard();
  }
});
