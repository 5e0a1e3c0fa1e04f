import { addAttachments } from "@/lib/attachments/add-attachments";
import { requireTicketAccess } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { type TicketContext, ticketIdFrom } from "@/lib/http/route-params";
import { ticketResponse } from "@/lib/http/ticket-responses";
import { readAttachmentForm } from "@/lib/http/ticket-submission";

// POST /api/support-tickets/{id}/attachments – add files (multipart `attachments` parts) to a ticket (staff, API token or the private link)
export const POST = withProblems(async (request, context: TicketContext) => {
  const id = await ticketIdFrom(context);
  const actor = await requireTicketAccess(request, id);
  const form = await readAttachmentForm(request);
  try {
    return ticketResponse(await addAttachments(id, form.files, actor));
  } finally {
    await form.discard();
  }
});
