// The file types an attachment may have. No server imports: lib/env.ts and the submit form read it too.

export const ATTACHMENT_TYPES = {
  png: { label: "PNG", contentType: "image/png", extensions: ["png"], inline: true },
  jpeg: { label: "JPEG", contentType: "image/jpeg", extensions: ["jpg", "jpeg"], inline: true },
  gif: { label: "GIF", contentType: "image/gif", extensions: ["gif"], inline: true },
  webp: { label: "WebP", contentType: "image/webp", extensions: ["webp"], inline: true },
  pdf: { label: "PDF", contentType: "application/pdf", extensions: ["pdf"], inline: false },
  txt: { label: "plain text", contentType: "text/plain; charset=utf-8", extensions: ["txt", "text", "log", "csv", "md"], inline: false },
} as const;

export type AttachmentTypeName = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_TYPE_NAMES = Object.keys(ATTACHMENT_TYPES) as [AttachmentTypeName, ...AttachmentTypeName[]];

/** What may be attached: the server's policy (lib/attachments/policy.ts, from the environment), handed to the pages. */
export interface AttachmentLimits {
  allowedTypes: readonly AttachmentTypeName[];
  maxFileBytes: number;
  maxFilesPerTicket: number;
  /** All of one ticket's files together. */
  maxTicketBytes: number;
}

/** The limits as a page shows them: with the allowed types already listed in the reader's language. */
export interface ShownAttachmentLimits extends AttachmentLimits {
  /** "PNG, JPEG y PDF" (lib/attachments/shown-limits.ts). */
  allowedTypesText: string;
}

/** The multipart part name that carries files, on both ways in. */
export const ATTACHMENTS_FIELD = "attachments";

/** Whether a stored file is an image a page may show inline; the server names every stored file after its detected type. */
export function isImageFileName(fileName: string): boolean {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return Object.values(ATTACHMENT_TYPES).some((type) => type.inline && (type.extensions as readonly string[]).includes(extension));
}

/** "PNG, JPEG, PDF and plain text": for error messages and the form's hint. */
export function describeTypes(names: readonly AttachmentTypeName[]): string {
  const labels = names.map((name) => ATTACHMENT_TYPES[name].label);
  return labels.length > 1 ? `${labels.slice(0, -1).join(", ")} and ${labels.at(-1)}` : (labels[0] ?? "");
}

/** "10 MB" for 10 × 1024 × 1024 bytes; exact byte counts below a kilobyte. */
export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
