import "server-only";
import type { OpenedAttachment } from "@/lib/attachments/open-attachment";

/**
 * A download that cannot turn into a page: the stored (sniffed) type with nosniff, a sandbox CSP,
 * and `attachment` for everything but images, which the requester's page shows inline.
 */
export function attachmentResponse(attachment: OpenedAttachment): Response {
  const headers = downloadHeaders(attachment.fileName, attachment.contentType.startsWith("image/"));
  if ("redirect" in attachment.access) {
    headers.set("location", attachment.access.redirect);
    headers.set("referrer-policy", "no-referrer");
    return new Response(null, { status: 302, headers });
  }
  headers.set("content-type", attachment.contentType);
  headers.set("content-length", String(attachment.size));
  return new Response(attachment.access.body, { status: 200, headers });
}

/** What every file the API serves carries, so none can run as a page of ours or be embedded by another site. */
export function downloadHeaders(fileName: string, inline: boolean): Headers {
  return new Headers({
    "content-disposition": contentDisposition(fileName, inline),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "private, max-age=60",
  });
}

/** RFC 6266: an ASCII `filename` for old clients and the exact name as RFC 8187 `filename*`. */
function contentDisposition(fileName: string, inline: boolean): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${inline ? "inline" : "attachment"}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
