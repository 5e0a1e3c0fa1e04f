import "server-only";
import { env } from "@/lib/env";
import type { AttachmentLimits } from "./types";

/** What may be attached, from ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES and ATTACHMENT_MAX_TICKET_BYTES. */
export const attachmentPolicy: AttachmentLimits = {
  allowedTypes: env.ATTACHMENT_TYPES,
  maxFileBytes: env.ATTACHMENT_MAX_BYTES,
  maxFilesPerTicket: env.ATTACHMENT_MAX_FILES,
  maxTicketBytes: env.ATTACHMENT_MAX_TICKET_BYTES,
};
