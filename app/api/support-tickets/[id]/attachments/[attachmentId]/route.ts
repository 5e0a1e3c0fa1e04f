import { openAttachment } from "@/lib/attachments/open-attachment";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { requireTicketAccess } from "@/lib/http/authenticate";
import { withProblems } from "@/lib/http/handler";
import { type AttachmentContext, attachmentIdsFrom } from "@/lib/http/route-params";

// GET /api/support-tickets/{id}/attachments/{attachmentId} – the file itself, or a redirect to it (whoever may see the ticket)
export const GET = withProblems(async (request, context: AttachmentContext) => {
  const { ticketId, attachmentId } = await attachmentIdsFrom(context);
  await requireTicketAccess(request, ticketId);
  return attachmentResponse(await openAttachment(ticketId, attachmentId));
});
