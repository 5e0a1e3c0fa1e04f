import { contentDisposition } from "@/lib/http/attachment-response";
import { defineRoute } from "@/lib/http/define-route";
import { messageParams } from "@/lib/http/route-params";
import { openOriginalEmail } from "@/lib/inbound-email/original-email";

// GET /api/support-tickets/{id}/messages/{messageId}/original – the email a message came as (message/rfc822; staff and API tokens)
export const GET = defineRoute({ access: ["staff", "token"], params: messageParams }, async ({ params }) => {
  const { raw, fileName } = await openOriginalEmail(params.id, params.messageId);
  return new Response(new Uint8Array(raw), {
    headers: {
      "content-type": "message/rfc822",
      "content-disposition": contentDisposition(fileName, false),
      "content-length": String(raw.length),
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
      "cache-control": "private, max-age=60",
    },
  });
});
