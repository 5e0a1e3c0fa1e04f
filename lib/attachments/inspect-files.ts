import "server-only";
import { createReadStream } from "node:fs";
import { fileTypeFromFile } from "file-type";
import { AppError, validationError } from "@/lib/errors";
import type { StagedFile } from "@/lib/http/multipart";
import { displayFileName } from "./file-name";
import { attachmentPolicy } from "./policy";
import { ATTACHMENT_TYPES, type AttachmentTypeName, describeTypes } from "./types";

/** A staged file whose content has been checked against the allowlist. */
export interface InspectedFile extends StagedFile {
  type: AttachmentTypeName;
  contentType: string;
}

const TYPE_BY_DETECTED_MIME: Record<string, AttachmentTypeName> = {
  "image/png": "png",
  "image/jpeg": "jpeg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/pdf": "pdf",
};

/**
 * Checks every file by its content (magic bytes; plain text has none, so it must be valid UTF-8
 * without NUL bytes), never by its name or the type the client claims: 415 names the first file
 * that is not on the allowlist. The display name gets the detected type's extension.
 */
export async function inspectFiles(files: readonly StagedFile[]): Promise<InspectedFile[]> {
  const inspected: InspectedFile[] = [];
  for (const file of files) {
    if (file.size === 0) throw validationError("attachments", `"${file.fileName}" is empty`);
    const type = await detectType(file.path);
    if (type === null || !attachmentPolicy.allowedTypes.includes(type)) {
      const message = `"${file.fileName}" is not an allowed file type; allowed are ${describeTypes(attachmentPolicy.allowedTypes)}`;
      throw new AppError("unsupported_media_type", message, { errors: [{ path: "attachments", message }] });
    }
    inspected.push({ ...file, type, contentType: ATTACHMENT_TYPES[type].contentType, fileName: displayFileName(file.fileName, type) });
  }
  return inspected;
}

async function detectType(path: string): Promise<AttachmentTypeName | null> {
  const detected = await fileTypeFromFile(path);
  if (detected) return TYPE_BY_DETECTED_MIME[detected.mime] ?? null;
  return (await isPlainText(path)) ? "txt" : null;
}

async function isPlainText(path: string): Promise<boolean> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) return false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}
