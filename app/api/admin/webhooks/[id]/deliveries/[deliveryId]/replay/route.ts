import { defineRoute } from "@/lib/http/define-route";
import { webhookDeliveryParams } from "@/lib/http/route-params";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { replayWebhookDelivery } from "@/lib/webhooks/deliveries";

// POST /api/admin/webhooks/{id}/deliveries/{deliveryId}/replay – send a delivery again, same body and webhook-id (admins)
export const POST = defineRoute({ access: ["admin"], params: webhookDeliveryParams }, async ({ params }) =>
  jsonResponse(await replayWebhookDelivery(params.id, params.deliveryId), { status: 202 }),
);
