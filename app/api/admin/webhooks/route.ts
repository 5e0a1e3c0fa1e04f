import { auditOrigin } from "@/lib/http/audit-origin";
import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createWebhookInput } from "@/lib/webhooks/schemas";

// GET /api/admin/webhooks – every webhook endpoint, newest first (never its secret) (admins)
export const GET = defineRoute({ access: ["admin"] }, async () => jsonResponse(await listWebhookEndpoints()));

// POST /api/admin/webhooks – register an endpoint; the response is the only time its signing secret is shown (admins)
export const POST = defineRoute({ access: ["admin"], body: createWebhookInput }, async ({ request, actor, body }) =>
  jsonResponse(await createWebhookEndpoint(body, auditOrigin(request, actor)), { status: 201 }),
);
