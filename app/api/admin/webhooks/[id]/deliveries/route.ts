import { defineRoute } from "@/lib/http/define-route";
import { webhookParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { listWebhookDeliveriesQuery } from "@/lib/webhooks/schemas";

// GET /api/admin/webhooks/{id}/deliveries – the endpoint's delivery log, newest first (admins)
export const GET = defineRoute({ access: ["admin"], params: webhookParams, query: listWebhookDeliveriesQuery }, async ({ params, query }) =>
  jsonResponse(await listWebhookDeliveries(params.id, query)),
);
