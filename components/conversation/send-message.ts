// Posting a message to a ticket, for the staff composer (session cookie) and the requester's reply box (tracking key).
import { type Answer, fetchAnswer } from "@/lib/api-client/answer";
import { uploadWithProgress } from "@/lib/api-client/upload-with-progress";
import { ATTACHMENTS_FIELD } from "@/lib/attachments/types";
import type { TicketStatus } from "@/lib/tickets/workflow";

export interface OutgoingMessage {
  body: string;
  kind?: "reply" | "note";
  /** Moves the ticket in the same transaction ("send and resolve"); needs the ETag the sender saw. */
  status?: TicketStatus;
  files: File[];
}

export interface SendOptions {
  /** The caller's credential (the tracking key) and the If-Match ETag, when there are any. */
  headers: Record<string, string>;
  /** The same key for every retry of one message, so a send whose answer was lost is not stored twice. */
  idempotencyKey: string;
  onProgress?: (loadedBytes: number, totalBytes: number) => void;
}

/** POST /api/support-tickets/{id}/messages: JSON without files, multipart (with upload progress) with them. */
export function postMessage(ticketId: number, message: OutgoingMessage, options: SendOptions): Promise<Answer> {
  const path = `/api/support-tickets/${ticketId}/messages`;
  const headers = { ...options.headers, "idempotency-key": options.idempotencyKey };
  const fields = { body: message.body, ...(message.kind && { kind: message.kind }), ...(message.status && { status: message.status }) };
  if (message.files.length === 0) return fetchAnswer(path, { method: "POST", headers, body: JSON.stringify(fields) });
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of message.files) form.append(ATTACHMENTS_FIELD, file, file.name);
  return uploadWithProgress(path, form, headers, options.onProgress ?? (() => {}));
}
