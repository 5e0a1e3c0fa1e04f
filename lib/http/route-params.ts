import "server-only";
import { AppError } from "@/lib/errors";
import { parseTicketId } from "@/lib/tickets/get-ticket";

export type TicketContext = { params: Promise<{ id: string }> };
export type AttachmentContext = { params: Promise<{ id: string; attachmentId: string }> };

/** The ticket id in the path; one that cannot exist answers 404 like an unknown one. */
export async function ticketIdFrom(context: TicketContext): Promise<number> {
  const { id } = await context.params;
  const ticketId = parseTicketId(id);
  if (ticketId === null) throw new AppError("not_found", `Ticket ${id} does not exist`);
  return ticketId;
}

export async function attachmentIdsFrom(context: AttachmentContext): Promise<{ ticketId: number; attachmentId: number }> {
  const ticketId = await ticketIdFrom(context);
  const { attachmentId: segment } = await context.params;
  // Attachment ids are database integers of the same shape as ticket ids.
  const attachmentId = parseTicketId(segment);
  if (attachmentId === null) throw new AppError("not_found", `Ticket ${ticketId} has no attachment ${segment}`);
  return { ticketId, attachmentId };
}
