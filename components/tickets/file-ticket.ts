import { zodResolver } from "@hookform/resolvers/zod";
import { parseAnswer } from "@/lib/api-client/answer";
import { uploadWithProgress } from "@/lib/api-client/upload-with-progress";
import { type CreatedTicket, createdTicketSchema, ticketFieldsInput } from "@/lib/tickets/schemas";

// What the form needs once someone starts using it, split from the form so that zod (the bulk of its JavaScript)
// loads on the first focus, not with the page. Sending always follows validation, so this is here by then.

export { ApiProblem } from "@/lib/api-client/problem";
export { NoAnswerError } from "@/lib/api-client/answer";
export { progressPerFile } from "@/lib/api-client/upload-with-progress";

export const ticketFieldsResolver = zodResolver(ticketFieldsInput);

/** Files the ticket (fields and files in one multipart body); a retry with the same key gets the first answer back. */
export async function fileTicket(
  body: FormData,
  idempotencyKey: string,
  onProgress: (loadedBytes: number, totalBytes: number) => void,
): Promise<CreatedTicket> {
  const answer = await uploadWithProgress("/api/support-tickets", body, { "idempotency-key": idempotencyKey }, onProgress);
  return parseAnswer(answer, createdTicketSchema);
}
