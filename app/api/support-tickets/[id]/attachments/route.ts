import { addAttachments } from "@/lib/attachments/add-attachments";
import { defineRoute } from "@/lib/http/define-route";
import { ticketParams } from "@/lib/http/route-params";
import { ticketResponse } from "@/lib/http/ticket-responses";
import { readAttachmentForm } from "@/lib/http/ticket-submission";

// POST /api/support-tickets/{id}/attachments – add files (multipart `attachments` parts) to a ticket (staff, API token or the private link)
export const POST = defineRoute(
  { access: ["staff", "token", "requester"], params: ticketParams },
  async ({ request, actor, params }) => {
    const form = await readAttachmentForm(request);
    try {
      return ticketResponse(await addAttachments(params.id, form.files, actor), actor);
    } finally {
      await form.discard();
    }
  },
);
