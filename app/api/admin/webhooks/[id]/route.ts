import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { webhookParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { deleteWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { updateWebhookInput } from "@/lib/webhooks/schemas";

// PATCH /api/admin/webhooks/{id} – change the url, events or description, pause it or make it active again (admins)
export const PATCH = defineRoute({ access: ["admin"], params: webhookParams, body: updateWebhookInput }, async ({ request, actor, params, body }) =>
  jsonResponse(await updateWebhookEndpoint(params.id, body, auditOrigin(request, actor))),
);

// DELETE /api/admin/webhooks/{id} – remove an endpoint and its delivery log (admins)
export const DELETE = defineRoute({ access: ["admin"], params: webhookParams }, async ({ request, actor, params }) => {
  await deleteWebhookEndpoint(params.id, auditOrigin(request, actor));
  return new Response(null, { status: 204 });
});
