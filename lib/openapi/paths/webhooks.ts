import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import {
  createWebhookInput,
  listWebhookDeliveriesQuery,
  updateWebhookInput,
  WEBHOOK_DELIVERY_LIST_LIMIT,
  WEBHOOK_EVENTS,
  webhookDeliverySchema,
  webhookEndpointSchema,
  webhookWithSecretSchema,
} from "@/lib/webhooks/schemas";
import { problemResponses, security } from "../components";
import { Message } from "./conversation";
import { Ticket } from "./support-tickets";

const WebhookEndpoint = webhookEndpointSchema.meta({ id: "WebhookEndpoint", description: "Where events are delivered (never its secret)" });
const WebhookEndpointWithSecret = webhookWithSecretSchema.meta({
  id: "WebhookEndpointWithSecret",
  description: "The endpoint and its signing secret, shown only in this answer: keep it to verify deliveries",
});
const WebhookDelivery = webhookDeliverySchema.meta({ id: "WebhookDelivery", description: "One event for one endpoint, with its last attempt" });
const CreateWebhookInput = createWebhookInput.meta({
  id: "CreateWebhookInput",
  description: "A public http(s) URL (loopback, private and link-local addresses are refused unless WEBHOOK_ALLOW_PRIVATE_NETWORKS=true) and the events it wants",
});
const UpdateWebhookInput = updateWebhookInput.meta({ id: "UpdateWebhookInput" });
const endpointPath = z.object({ id: z.coerce.number().int().min(1).meta({ description: "The endpoint's id", example: 3 }) });
const deliveryPath = endpointPath.extend({ deliveryId: z.coerce.number().int().min(1).meta({ description: "The delivery's id", example: 57 }) });
const admin = { tags: ["Webhooks"], security: security.staffSession };
const adminProblems = (statuses: Parameters<typeof problemResponses>[0]) =>
  problemResponses(statuses, { descriptions: { 403: "Signed in as an agent, or an API token: webhooks are for signed-in admins" } });

export const webhookPaths: ZodOpenApiPathsObject = {
  "/api/admin/webhooks": {
    get: {
      ...admin,
      operationId: "listWebhookEndpoints",
      summary: "List webhook endpoints",
      responses: { 200: { description: "Newest first", content: { "application/json": { schema: z.array(WebhookEndpoint) } } }, ...adminProblems([401, 403, 429, 500]) },
    },
    post: {
      ...admin,
      operationId: "createWebhookEndpoint",
      summary: "Register a webhook endpoint",
      description:
        "Deliveries are signed as Standard Webhooks specifies (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 " +
        "HMAC-SHA256 of id.timestamp.body>`), queued in the transaction of the change, and retried with exponential back-off " +
        "and jitter for about 3 days; a `410` answer disables the endpoint, repeated failures pause it. Redirects are not followed.",
      requestBody: { content: { "application/json": { schema: CreateWebhookInput } } },
      responses: { 201: { description: "Registered; the secret is shown this once", content: { "application/json": { schema: WebhookEndpointWithSecret } } }, ...adminProblems([400, 401, 403, 415, 422, 429, 500]) },
    },
  },
  "/api/admin/webhooks/{id}": {
    patch: {
      ...admin,
      operationId: "updateWebhookEndpoint",
      summary: "Change, pause or resume an endpoint",
      description: '`status: "paused"` holds its deliveries; `"active"` sends them again and clears the failure count (also after a 410 was fixed).',
      requestParams: { path: endpointPath },
      requestBody: { content: { "application/json": { schema: UpdateWebhookInput } } },
      responses: { 200: { description: "The endpoint", content: { "application/json": { schema: WebhookEndpoint } } }, ...adminProblems([400, 401, 403, 404, 415, 422, 429, 500]) },
    },
    delete: {
      ...admin,
      operationId: "deleteWebhookEndpoint",
      summary: "Delete an endpoint and its delivery log",
      requestParams: { path: endpointPath },
      responses: { 204: { description: "Deleted" }, ...adminProblems([401, 403, 404, 429, 500]) },
    },
  },
  "/api/admin/webhooks/{id}/rotate-secret": {
    post: {
      ...admin,
      operationId: "rotateWebhookSecret",
      summary: "Rotate the signing secret",
      description:
        "A new secret, shown once. For 24 hours deliveries carry two signatures (new and old), so the receiver can switch " +
        "without a gap; another rotation during those 24 hours is a 409.",
      requestParams: { path: endpointPath },
      responses: { 200: { description: "The endpoint and its new secret", content: { "application/json": { schema: WebhookEndpointWithSecret } } }, ...adminProblems([401, 403, 404, 409, 429, 500]) },
    },
  },
  "/api/admin/webhooks/{id}/deliveries": {
    get: {
      ...admin,
      operationId: "listWebhookDeliveries",
      summary: "An endpoint's delivery log",
      description: `Newest first (default ${WEBHOOK_DELIVERY_LIST_LIMIT.default}, at most ${WEBHOOK_DELIVERY_LIST_LIMIT.max}); filter by \`status\`.`,
      requestParams: { path: endpointPath, query: listWebhookDeliveriesQuery },
      responses: { 200: { description: "The deliveries", content: { "application/json": { schema: z.array(WebhookDelivery) } } }, ...adminProblems([401, 403, 404, 422, 429, 500]) },
    },
  },
  "/api/admin/webhooks/{id}/deliveries/{deliveryId}/replay": {
    post: {
      ...admin,
      operationId: "replayWebhookDelivery",
      summary: "Send a delivery again",
      description: "A new entry in the log with the same body and `webhook-id`, due now.",
      requestParams: { path: deliveryPath },
      responses: { 202: { description: "Queued", content: { "application/json": { schema: WebhookDelivery } } }, ...adminProblems([401, 403, 404, 429, 500]) },
    },
  },
};

const eventBody = (event: (typeof WEBHOOK_EVENTS)[number], withMessage: boolean) =>
  z
    .object({
      type: z.literal(event),
      timestamp: z.iso.datetime().meta({ description: "When the change happened" }),
      data: withMessage ? z.object({ ticket: Ticket, message: Message }) : z.object({ ticket: Ticket }),
    })
    .meta({ id: `WebhookEvent_${event.replaceAll(".", "_")}` });

/** What receivers get, as OpenAPI 3.1 `webhooks`. */
export const webhookEvents: ZodOpenApiPathsObject = Object.fromEntries(
  WEBHOOK_EVENTS.map((event) => [
    event,
    {
      post: {
        operationId: `webhook_${event.replaceAll(".", "_")}`,
        tags: ["Webhooks"],
        security: security.webhookDelivery,
        summary: event,
        description:
          "Verify `webhook-signature` with the endpoint's secret before trusting the body, drop a `webhook-id` you have seen, " +
          "and answer 2xx quickly (10 s at most). The ticket is as staff see it; internal notes are never sent.",
        requestBody: { content: { "application/json": { schema: eventBody(event, event === "ticket.message.created") } } },
        responses: { 200: { description: "Taken (any 2xx)" }, 410: { description: "Gone: the desk disables the endpoint" } },
      },
    },
  ]),
);
