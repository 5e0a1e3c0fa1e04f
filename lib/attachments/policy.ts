import "server-only";
import { env } from "@/lib/env";
import type { AttachmentTypeName } from "./types";

/** What may be attached, from ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES and ATTACHMENT_MAX_TICKET_BYTES. */
export const attachmentPolicy: {
  allowedTypes: readonly AttachmentTypeName[];
  maxFileBytes: number;
  maxFilesPerTicket: number;
  /** All of one ticket's files together. */
  maxTicketBytes: number;
} = {
  allowedTypes: env.ATTACHMENT_TYPES,
  maxFileBytes: env.ATTACHMENT_MAX_BYTES,
  maxFilesPerTicket: env.ATTACHMENT_MAX_FILES,
  maxTicketBytes: env.ATTACHMENT_MAX_TICKET_BYTES,
};

/** The multipart part name that carries files, on both ways in. */
export const ATTACHMENTS_FIELD = "attachments";
