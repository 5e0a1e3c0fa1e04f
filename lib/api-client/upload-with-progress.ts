import { type Answer, expectSuccess, jsonOrNull, NoAnswerError } from "./answer";

/** A POST of files that reports how far the upload has got; fetch() cannot report upload progress yet, XMLHttpRequest can. */
export function uploadWithProgress(
  url: string,
  body: FormData,
  headers: Record<string, string>,
  onProgress: (loadedBytes: number, totalBytes: number) => void,
): Promise<Answer> {
  const answer = new Promise<Answer>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", url);
    request.timeout = 5 * 60_000;
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.setRequestHeader("accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    request.onload = () =>
      resolve({
        status: request.status,
        headers: { get: (name) => request.getResponseHeader(name) },
        body: jsonOrNull(request.responseText),
      });
    request.onerror = request.ontimeout = request.onabort = () => reject(new NoAnswerError());
    request.send(body);
  });
  return answer.then(expectSuccess);
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
