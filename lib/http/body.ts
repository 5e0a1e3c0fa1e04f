import "server-only";
import { AppError } from "@/lib/errors";

export const MAX_JSON_BYTES = 64 * 1024;

function isJsonContentType(contentType: string | null): boolean {
  const mediaType = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  return mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
}

/** Reads a JSON body, refusing wrong content types (415), bodies over the limit (413) and bad JSON (400). */
export async function readJson(request: Request, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  return (await readJsonWithText(request, maxBytes)).value;
}

/** As readJson, also returning the body's text (to fingerprint a request without re-serialising it). */
export async function readJsonWithText(
  request: Request,
  maxBytes = MAX_JSON_BYTES,
): Promise<{ value: unknown; text: string }> {
  if (!isJsonContentType(request.headers.get("content-type"))) {
    throw new AppError("unsupported_media_type", "Send the body as application/json");
  }
  const bytes = await readBodyBytes(request, maxBytes);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("bad_request", "The body is not valid UTF-8");
  }
  try {
    return { value: JSON.parse(text), text };
  } catch (error) {
    throw new AppError("bad_request", `The body is not valid JSON: ${(error as Error).message}`);
  }
}

/**
 * Reads a body whole, refusing (413) one that declares or streams more than `maxBytes` as soon as it
 * does, without reading the rest.
 */
export async function readBodyBytes(request: Request, maxBytes: number): Promise<Buffer> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes) throw tooLarge(maxBytes);

  const chunks: Uint8Array[] = [];
  let received = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      received += value.byteLength;
      if (received > maxBytes) {
        await reader.cancel();
        throw tooLarge(maxBytes);
      }
      chunks.push(value);
    }
  }
  return Buffer.concat(chunks);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The body is larger than the ${maxBytes / 1024} KiB limit`);
}
