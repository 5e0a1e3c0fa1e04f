import "server-only";
import { attachmentPolicy } from "@/lib/attachments/policy";
import { ATTACHMENTS_FIELD } from "@/lib/attachments/types";
import { attachmentStorage } from "@/lib/attachments/storage";
import { sha256Hex } from "@/lib/crypto";
import { AppError } from "@/lib/errors";
import { readJsonWithText } from "./body";
import { isMultipart, type MultipartForm, readMultipart } from "./multipart";

/** Files in `attachments` parts, within the attachment limits; anything but multipart is a 415. */
export function readAttachmentForm(request: Request): Promise<MultipartForm> {
  if (!isMultipart(request)) {
    throw new AppError("unsupported_media_type", `Send files as multipart/form-data in fields named "${ATTACHMENTS_FIELD}"`);
  }
  return readMultipart(request, {
    fileField: ATTACHMENTS_FIELD,
    maxFiles: attachmentPolicy.maxFilesPerTicket,
    maxFileBytes: attachmentPolicy.maxFileBytes,
    maxTotalFileBytes: attachmentPolicy.maxTicketBytes,
    stagingDir: attachmentStorage().stagingDir,
  });
}

/** A new ticket as sent: the fields (still to be validated), its files, and what identifies the request for Idempotency-Key. */
export interface TicketSubmission extends Omit<MultipartForm, "fields"> {
  fields: unknown;
  fingerprint: string;
}

/** Reads a ticket sent as JSON, or as multipart/form-data whose text parts are the same fields. */
export async function readTicketSubmission(request: Request): Promise<TicketSubmission> {
  if (!isMultipart(request)) {
    const { value, text } = await readJsonWithText(request);
    return { fields: value, files: [], fingerprint: sha256Hex(text), discard: async () => {} };
  }
  const form = await readAttachmentForm(request);
  const files = form.files.map((file) => [file.fileName, file.sha256]);
  return { ...form, fingerprint: sha256Hex(JSON.stringify({ fields: form.fields, files })) };
}
