/** What the server answered: the status and the parsed JSON body (null when there was none). */
export interface ServerAnswer {
  status: number;
  body: unknown;
}

/** Thrown when no answer arrived (offline, dropped connection, timeout): the request may or may not have been done. */
export class NoAnswerError extends Error {
  constructor() {
    super("The connection dropped before the server answered");
    this.name = "NoAnswerError";
  }
}

// fetch() cannot report upload progress yet; XMLHttpRequest can.
export function sendWithProgress(
  url: string,
  body: FormData,
  headers: Record<string, string>,
  onProgress: (loadedBytes: number, totalBytes: number) => void,
): Promise<ServerAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.timeout = 5 * 60_000;
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    request.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = request.responseText ? JSON.parse(request.responseText) : null;
      } catch {
        // Not JSON (e.g. a proxy's error page): the status still tells what happened.
      }
      resolve({ status: request.status, body: parsed });
    };
    request.onerror = request.ontimeout = request.onabort = () => reject(new NoAnswerError());
    request.send(body);
  });
}

/** A problem+json body's field errors and detail, as far as they are there. */
export function problemOf(body: unknown): { detail?: string; errors: { path: string; message: string }[] } {
  if (typeof body !== "object" || body === null) return { errors: [] };
  const { detail, errors } = body as { detail?: unknown; errors?: unknown };
  return {
    detail: typeof detail === "string" ? detail : undefined,
    errors: Array.isArray(errors)
      ? errors.filter((e): e is { path: string; message: string } => typeof e?.path === "string" && typeof e?.message === "string")
      : [],
  };
}

/**
 * How far each file has got, from the bytes sent so far: the browser sends the text fields first and
 * then the files in order, so the total splits into consecutive ranges (the few bytes of part headers
 * are ignored).
 */
export function progressPerFile(sizes: readonly number[], loadedBytes: number, totalBytes: number): number[] {
  const filesBytes = sizes.reduce((sum, size) => sum + size, 0);
  let offset = totalBytes - filesBytes;
  return sizes.map((size) => {
    const done = size === 0 ? 1 : Math.min(1, Math.max(0, (loadedBytes - offset) / size));
    offset += size;
    return done;
  });
}
