import { ATTACHMENT_TYPES, type AttachmentTypeName } from "./types";

export const MAX_FILE_NAME_LENGTH = 200;
const FALLBACK_NAME = "attachment";

// C0 and C1 controls, DEL, and the bidirectional overrides that make "gpj.exe" look like "exe.jpg".
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The name the client gave a file, made safe to show: the last path segment only, without control or
 * direction-changing characters, at most 200 characters. It is never used as a storage path.
 */
export function cleanFileName(clientName: string | undefined): string {
  const lastSegment = (clientName ?? "").split(/[/\\]/).at(-1) ?? "";
  const name = lastSegment.normalize("NFC").replace(/\s+/g, " ").replace(UNSAFE_CHARACTERS, "").trim();
  return capLength(/^\.*$/.test(name) ? FALLBACK_NAME : name, "");
}

/**
 * The name a file is shown and downloaded under: its clean name, ending in an extension of the type its
 * content was detected as, so a PNG sent as "x.html" downloads as "x.html.png".
 */
export function displayFileName(clientName: string | undefined, type: AttachmentTypeName): string {
  const name = cleanFileName(clientName);
  const { extensions } = ATTACHMENT_TYPES[type];
  const extension = /\.([^.]+)$/.exec(name)?.[1]?.toLowerCase();
  const suffix = extension && (extensions as readonly string[]).includes(extension) ? "" : `.${extensions[0]}`;
  return capLength(name, suffix);
}

/** Shortens the name before its extension, so the extension survives, and never inside a surrogate pair. */
function capLength(name: string, suffix: string): string {
  const room = MAX_FILE_NAME_LENGTH - suffix.length;
  if (Array.from(name).length <= room) return name + suffix;
  const dot = name.lastIndexOf(".");
  const extension = suffix === "" && dot > 0 && name.length - dot <= 16 ? name.slice(dot) : "";
  const base = Array.from(extension ? name.slice(0, dot) : name);
  return base.slice(0, room - extension.length).join("").trimEnd() + extension + suffix;
}
