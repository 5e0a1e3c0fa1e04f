import { createTicketWithAttachments } from "@/lib/attachments/create-ticket-with-attachments";
import { defineRoute } from "@/lib/http/define-route";
import { idempotencyScope, withIdempotency } from "@/lib/http/idempotency";
import { listQueryFromUrl, nextPageLink } from "@/lib/http/list-query";
import { createdTicketResponse, etag, jsonResponse } from "@/lib/http/ticket-responses";
import { readTicketSubmission } from "@/lib/http/ticket-submission";
import { createTicket } from "@/lib/tickets/create-ticket";
import { listTickets } from "@/lib/tickets/list-tickets";
import { createTicketInput } from "@/lib/tickets/schemas";
import { ticketUrl } from "@/lib/tickets/serialize";

// GET /api/support-tickets – one page of tickets, newest first; the next page is in the Link header
export const GET = defineRoute({ access: ["staff", "token"] }, async ({ request }) => {
  const url = new URL(request.url);
  const page = await listTickets(listQueryFromUrl(url));
  const headers: HeadersInit = page.nextCursor ? { link: nextPageLink(url, page.nextCursor) } : {};
  return jsonResponse(page.tickets, { headers });
});

// POST /api/support-tickets – file a ticket as JSON, or as multipart/form-data with files (anyone; API tokens may also import status and dates)
export const POST = defineRoute({ access: ["public"], limit: "public-create" }, async ({ request, actor }) => {
  const submission = await readTicketSubmission(request);
  try {
    const input = createTicketInput.parse(submission.fields);
    const result = await withIdempotency(request, idempotencyScope(request, actor), submission.fingerprint, async (tx) => {
      const { ticket, version } = submission.files.length
        ? await createTicketWithAttachments(input, submission.files, actor, tx)
        : await createTicket(input, actor, tx);
      return { status: 201, body: ticket, headers: { location: ticketUrl(ticket.id), etag: etag(version) } };
    });
    return createdTicketResponse(result);
  } finally {
    await submission.discard();
  }
});
