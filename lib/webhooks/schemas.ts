import { z } from "zod";
import { pageLimit } from "@/lib/zod/page-limit";
import { textField } from "@/lib/zod/text";

// Webhooks' shapes, shared by the API, the admin page and the OpenAPI document: no server imports here.

/** SPEC "Webhooks": `ticket.updated` is a change of status, category, priority or owner; `ticket.closed` comes beside it. */
export const WEBHOOK_EVENTS = ["ticket.created", "ticket.updated", "ticket.message.created", "ticket.closed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** `paused`: by an admin, or by the desk after repeated failures (deliveries wait); `disabled`: the receiver answered 410. */
export const WEBHOOK_ENDPOINT_STATUSES = ["active", "paused", "disabled"] as const;
export const WEBHOOK_DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;

const webhookUrl = z
  .string({ error: "url is required" })
  .trim()
  .max(2_000, "url must be at most 2000 characters")
  .pipe(z.url({ protocol: /^https?$/, error: "url must be an http:// or https:// URL" }));
const webhookEvents = z
  .array(z.enum(WEBHOOK_EVENTS, { error: `Events must be among: ${WEBHOOK_EVENTS.join(", ")}` }))
  .min(1, "Choose at least one event")
  .transform((events) => [...new Set(events)]);
/** A note for admins; "" is none (and clears it in a PATCH). */
const webhookDescription = textField("Description", { max: 200, required: false });

export const createWebhookInput = z.strictObject({
  url: webhookUrl,
  events: webhookEvents,
  description: webhookDescription.optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookInput>;

/** Any of the fields; `status` pauses an endpoint or makes it active again (which also clears its failure count). */
export const updateWebhookInput = z
  .strictObject({
    url: webhookUrl.optional(),
    events: webhookEvents.optional(),
    description: webhookDescription.optional(),
    status: z.enum(["active", "paused"], { error: 'status must be "active" or "paused"' }).optional(),
  })
  .refine((input) => Object.values(input).some((value) => value !== undefined), "Send at least one of url, events, description, status");
export type UpdateWebhookInput = z.infer<typeof updateWebhookInput>;

export const webhookEndpointSchema = z.object({
  id: z.int(),
  url: z.string(),
  description: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  status: z.enum(WEBHOOK_ENDPOINT_STATUSES),
  /** Why the desk paused or disabled it, when it did. */
  statusReason: z.string().nullable(),
  /** Deliveries that failed in a row (any attempt); reset by a success or by making it active again. */
  consecutiveFailures: z.int(),
  /** Until when the previous secret also signs, after a rotation. */
  previousSecretExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type WebhookEndpoint = z.infer<typeof webhookEndpointSchema>;

/** The answer to creating an endpoint or rotating its secret: the only time the secret is shown. */
export const webhookWithSecretSchema = webhookEndpointSchema.extend({
  secret: z.string().meta({ description: "The signing secret (`whsec_…`); shown once", example: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }),
});

export const webhookDeliverySchema = z.object({
  id: z.int(),
  endpointId: z.int(),
  /** The `webhook-id` header: the same on every attempt and replay of one event, for receivers to drop repeats. */
  webhookId: z.string(),
  eventType: z.enum(WEBHOOK_EVENTS),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  attempts: z.int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastStatusCode: z.int().nullable(),
  lastError: z.string().nullable(),
  /** The first 1,000 characters of the receiver's last answer. */
  lastResponseBody: z.string().nullable(),
  lastDurationMs: z.int().nullable(),
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
  /** The body sent, exactly as signed. */
  payload: z.string(),
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const WEBHOOK_DELIVERY_LIST_LIMIT = { default: 50, max: 200 } as const;
export const listWebhookDeliveriesQuery = z.strictObject({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES, { error: `Status must be one of: ${WEBHOOK_DELIVERY_STATUSES.join(", ")}` }).optional(),
  limit: pageLimit(WEBHOOK_DELIVERY_LIST_LIMIT),
});
export type ListWebhookDeliveriesQuery = z.infer<typeof listWebhookDeliveriesQuery>;
