import "server-only";
import { z } from "zod";
import { parseTicketId } from "@/lib/tickets/get-ticket";

/** A path segment naming a database id; one that cannot exist answers 404 like an unknown one. */
const idSegment = (notFound: (segment: string) => string) =>
  z.string().transform((segment, context) => {
    const id = parseTicketId(segment);
    if (id === null) context.addIssue({ code: "custom", message: notFound(segment) });
    return id ?? z.NEVER;
  });

export const ticketParams = z.object({ id: idSegment((segment) => `Ticket ${segment} does not exist`) });

export const attachmentParams = ticketParams.extend({
  attachmentId: idSegment((segment) => `Attachment ${segment} does not exist`),
});

export const messageParams = ticketParams.extend({
  messageId: idSegment((segment) => `Message ${segment} does not exist`),
});

export const apiTokenParams = z.object({ id: idSegment((segment) => `API token ${segment} does not exist or is already revoked`) });

export const webhookParams = z.object({ id: idSegment((segment) => `Webhook endpoint ${segment} does not exist`) });

export const webhookDeliveryParams = webhookParams.extend({
  deliveryId: idSegment((segment) => `Delivery ${segment} does not exist`),
});

export const staffAccountParams = z.object({ id: z.string().min(1) });

export const categoryParams = z.object({ name: z.string().min(1) });
