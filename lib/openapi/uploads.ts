import { z } from "zod";
import "zod-openapi";
import type { ZodOpenApiEncodingObject } from "zod-openapi";
import { attachmentPolicy } from "@/lib/attachments/policy";
import { ATTACHMENT_TYPES, ATTACHMENTS_FIELD, describeBytes, describeTypes } from "@/lib/attachments/types";
import type { ProblemStatus } from "./components";

// The multipart file parts both ways in take (filing a ticket, adding to one), from the configured
// attachment policy (ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_FILES).

/** A media type without its parameters: `text/plain; charset=utf-8` → `text/plain`. */
export const bareMediaType = (contentType: string): string => contentType.split(";")[0]!.trim();

const allowedMediaTypes = [
  ...new Set(attachmentPolicy.allowedTypes.map((type) => bareMediaType(ATTACHMENT_TYPES[type].contentType))),
];

const LIMITS =
  `${describeTypes(attachmentPolicy.allowedTypes)}, judged by content (never by name or claimed type); at most ` +
  `${describeBytes(attachmentPolicy.maxFileBytes)} each, ${attachmentPolicy.maxFilesPerTicket} and ` +
  `${describeBytes(attachmentPolicy.maxTicketBytes)} per ticket`;

/** The `attachments` file parts; `min` is 1 where files are the point of the request. */
export function attachmentFiles(min: 0 | 1) {
  const files = z.array(z.file()).max(attachmentPolicy.maxFilesPerTicket);
  return (min > 0 ? files.min(min) : files).meta({
    description: `Files, one part each, all named \`${ATTACHMENTS_FIELD}\`: ${LIMITS}.`,
  });
}

export const attachmentFilesEncoding: ZodOpenApiEncodingObject = {
  [ATTACHMENTS_FIELD]: { contentType: allowedMediaTypes.join(", ") },
};

/** What 413, 422, 503 and 507 mean where files are uploaded. */
export const attachmentProblemDescriptions: Partial<Record<ProblemStatus, string>> = {
  413:
    `The body, a text part, a file (over ${describeBytes(attachmentPolicy.maxFileBytes)}; \`errors\` names it), or the ` +
    `ticket's files together (over ${describeBytes(attachmentPolicy.maxTicketBytes)}; \`errors\` names \`${ATTACHMENTS_FIELD}\`) ` +
    "is too large; nothing was stored",
  422:
    `The input failed validation; \`errors\` names each field (e.g. more than ${attachmentPolicy.maxFilesPerTicket} files, ` +
    `an empty file, or a file in a part not named \`${ATTACHMENTS_FIELD}\`)`,
  503: "A file could not be stored just now, or the database is not answering; nothing was saved, retry",
};
