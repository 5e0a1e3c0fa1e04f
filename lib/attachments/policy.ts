import "server-only";
import { env } from "@/lib/env";
import type { AttachmentTypeName } from "./types";

/** What may be attached, from ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES and ATTACHMENT_MAX_FILES. */
export const attachmentPolicy: {
  allowedTypes: readonly AttachmentTypeName[];
  maxFileBytes: number;
  maxFilesPerTicket: number;
} = {
  allowedTypes: env.ATTACHMENT_TYPES,
  maxFileBytes: env.ATTACHMENT_MAX_BYTES,
  maxFilesPerTicket: env.ATTACHMENT_MAX_FILES,
};

/** The multipart part name that carries files, on both ways in. */
export const ATTACHMENTS_FIELD = "attachments";
