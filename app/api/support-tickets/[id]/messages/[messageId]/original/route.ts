import { downloadHeaders } from "@/lib/http/attachment-response";
import { defineRoute } from "@/lib/http/define-route";
import { messageParams } from "@/lib/http/route-params";
import { openOriginalEmail } from "@/lib/inbound-email/original-email";

// GET /api/support-tickets/{id}/messages/{messageId}/original – the email a message came as (message/rfc822; staff and API tokens)
export const GET = defineRoute({ access: ["staff", "token"], params: messageParams }, async ({ params }) => {
  const { raw, fileName } = await openOriginalEmail(params.id, params.messageId);
  const headers = downloadHeaders(fileName, false);
  headers.set("content-type", "message/rfc822");
  headers.set("content-length", String(raw.length));
  return new Response(new Uint8Array(raw), { headers });
});
