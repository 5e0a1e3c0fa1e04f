import { parseAnswer } from "@/lib/api-client/answer";
import { uploadWithProgress } from "@/lib/api-client/upload-with-progress";
import { issueCode } from "@/lib/zod/issue-code";
import { type CreatedTicket, createdTicketSchema, ticketFieldsInput } from "@/lib/tickets/schemas";
import { ticketFieldMessage, type ValidationTranslator } from "./field-messages";
import { isTicketField, type TicketFieldErrors, type TicketValues } from "./ticket-fields";

// What the form needs once someone starts using it, split from the form so that zod (the bulk of its JavaScript)
// loads on the first focus, not with the page. Sending always follows validation, so this is here by then.

export { ApiProblem } from "@/lib/api-client/problem";
export { NoAnswerError } from "@/lib/api-client/answer";
export { progressPerFile } from "@/lib/api-client/upload-with-progress";
export { ticketFieldMessage } from "./field-messages";

/** Validates with the API's own schema, each field's first issue said in the page's language (by its code, not zod's English). */
export function validateTicketFields(
  values: TicketValues,
  t: ValidationTranslator,
  categoryLabels: string[],
): TicketFieldErrors {
  const parsed = ticketFieldsInput.safeParse(values);
  const errors: TicketFieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0]);
    if (!isTicketField(field) || errors[field] !== undefined) continue;
    errors[field] = ticketFieldMessage(t, field, issueCode(issue), categoryLabels);
  }
  return errors;
}

/** Files the ticket (fields and files in one multipart body); a retry with the same key gets the first answer back. */
export async function fileTicket(
  body: FormData,
  idempotencyKey: string,
  onProgress: (loadedBytes: number, totalBytes: number) => void,
): Promise<CreatedTicket> {
  const answer = await uploadWithProgress("/api/support-tickets", body, { "idempotency-key": idempotencyKey }, onProgress);
  return parseAnswer(answer, createdTicketSchema);
}
