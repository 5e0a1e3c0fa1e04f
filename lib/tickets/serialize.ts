import "server-only";
import type { attachments, tickets } from "@/db/schema";
import { env } from "@/lib/env";
import { type Actor, seesInternals } from "@/lib/auth/actor";
import type { Attachment, RequesterTicket, Ticket, TicketAssignee } from "./schemas";

export type AttachmentRow = Pick<typeof attachments.$inferSelect, "id" | "fileName">;
export type TicketRow = Omit<typeof tickets.$inferSelect, "search"> & { attachments: AttachmentRow[]; assignee: TicketAssignee | null };

/** A ticket as the API returns it, plus the version its ETag is built from. */
export interface VersionedTicket {
  ticket: Ticket;
  version: number;
}

export function ticketUrl(id: number): string {
  return `${env.APP_URL}/api/support-tickets/${id}`;
}

export function attachmentUrl(ticketId: number, attachmentId: number): string {
  return `${ticketUrl(ticketId)}/attachments/${attachmentId}`;
}

export function toTicket(row: TicketRow): Ticket {
  return {
    id: row.id,
    roleContext: row.roleContext,
    fullName: row.fullName,
    email: row.email,
    subject: row.subject,
    category: row.category,
    message: row.message,
    status: row.status,
    priority: row.priority,
    assignee: row.assignee,
    sla: {
      firstReplyDueAt: row.firstReplyDueAt?.toISOString() ?? null,
      resolutionDueAt: row.resolutionDueAt?.toISOString() ?? null,
      breached: row.slaBreaches,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    attachments: row.attachments.map((attachment) => toAttachment(row.id, attachment)),
    locale: row.locale,
    lastMessageAt: row.lastMessageAt.toISOString(),
    awaiting: row.awaiting,
    closedReason: row.closedReason,
    satisfaction:
      row.satisfactionRating !== null && row.satisfactionAt !== null
        ? { rating: row.satisfactionRating, comment: row.satisfactionComment, createdAt: row.satisfactionAt.toISOString() }
        : null,
  };
}

/** A ticket as `viewer` may see it: a requester gets it without staff's triage. */
export function ticketSeenBy(ticket: Ticket, viewer: Actor): Ticket | RequesterTicket {
  if (seesInternals(viewer)) return ticket;
  const { priority: _priority, assignee: _assignee, sla: _sla, ...requesterTicket } = ticket;
  return requesterTicket;
}

export function toAttachment(ticketId: number, row: AttachmentRow): Attachment {
  return { id: row.id, fileName: row.fileName, fileUrl: attachmentUrl(ticketId, row.id) };
}
