import { openAttachment } from "@/lib/attachments/open-attachment";
import { attachmentResponse } from "@/lib/http/attachment-response";
import { defineRoute } from "@/lib/http/define-route";
import { attachmentParams } from "@/lib/http/route-params";

// GET /api/support-tickets/{id}/attachments/{attachmentId} – the file itself, or a redirect to it (whoever may see the ticket)
export const GET = defineRoute({ access: ["staff", "token", "requester"], params: attachmentParams }, async ({ actor, params }) =>
  attachmentResponse(await openAttachment(params.id, params.attachmentId, actor)),
);
