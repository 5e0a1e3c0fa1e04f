import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { webhookParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { rotateWebhookSecret } from "@/lib/webhooks/endpoints";

// POST /api/admin/webhooks/{id}/rotate-secret – a new signing secret, shown once; the old one signs too for 24 h (admins)
export const POST = defineRoute({ access: ["admin"], params: webhookParams }, async ({ request, actor, params }) =>
  jsonResponse(await rotateWebhookSecret(params.id, auditOrigin(request, actor))),
);
