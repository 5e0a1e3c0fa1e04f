import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform, type TransformCallback } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { cleanFileName } from "@/lib/attachments/file-name";
import { describeBytes } from "@/lib/attachments/types";
import { AppError, validationError } from "@/lib/errors";

/** A file part, streamed to a staging file on local disk; the caller decides where it goes next. */
export interface StagedFile {
  /** The client's name, cleaned for display (see cleanFileName); never a path. */
  fileName: string;
  /** The staging file. Removed by `MultipartForm.discard()` unless moved away before. */
  path: string;
  size: number;
  sha256: string;
}

export interface MultipartForm {
  /** Text parts by name; a name sent twice becomes an array (which the schema then refuses). */
  fields: Record<string, string | string[]>;
  files: StagedFile[];
  /** Deletes whatever staging files are still there. */
  discard: () => Promise<void>;
}

export interface MultipartLimits {
  /** The only part name that may carry files. */
  fileField: string;
  maxFiles: number;
  maxFileBytes: number;
  /** All files of the request together. */
  maxTotalFileBytes: number;
  /** A local directory for the staging files. */
  stagingDir: string;
}

// Ticket fields are short (a message is at most 10,000 characters); this leaves room for UTF-8.
const MAX_FIELD_BYTES = 64 * 1024;
const MAX_FIELDS = 20;

export function isMultipart(request: Request): boolean {
  return /^multipart\/form-data\s*;/i.test(request.headers.get("content-type") ?? "");
}

/** The files at their limits plus the text fields and part headers: anything larger is cut off unread. */
export function maxMultipartBytes(limits: MultipartLimits): number {
  const files = Math.min(limits.maxFiles * limits.maxFileBytes, limits.maxTotalFileBytes);
  return files + MAX_FIELDS * MAX_FIELD_BYTES + 1024 * 1024;
}

/**
 * Streams a multipart/form-data body: text parts into `fields`, file parts into staging files,
 * hashed on the way. Nothing is held in memory; a body, a file or a file count over its limit stops
 * the upload at once (413, 422) and removes what was staged, as does a client that goes away.
 */
export async function readMultipart(request: Request, limits: MultipartLimits): Promise<MultipartForm> {
  const maxBytes = maxMultipartBytes(limits);
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) throw bodyTooLarge(maxBytes);
  if (!request.body) throw new AppError("bad_request", "The multipart body is empty");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("content-type") ?? "" },
      defParamCharset: "utf8",
      // One byte over the file limit tells a file of exactly the limit from a larger one.
      limits: { fileSize: limits.maxFileBytes + 1, files: limits.maxFiles + 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES },
    });
  } catch (error) {
    throw new AppError("bad_request", `The multipart body cannot be read: ${(error as Error).message}`);
  }

  await mkdir(limits.stagingDir, { recursive: true });
  const fields: Record<string, string | string[]> = {};
  const files: StagedFile[] = [];
  const writes: Promise<void>[] = [];
  const counter = byteCounter(maxBytes);
  let fileBytes = 0;
  let failure: unknown;
  const fail = (error: unknown) => {
    failure ??= error;
    counter.destroy(failure as Error);
  };

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) return fail(new AppError("payload_too_large", `The field "${name}" is larger than ${describeBytes(MAX_FIELD_BYTES)}`));
    const previous = fields[name];
    fields[name] = previous === undefined ? value : [previous, value].flat();
  });
  parser.on("fieldsLimit", () => fail(validationError("", `Send at most ${MAX_FIELDS} text fields`)));
  parser.on("file", (name, stream, info) => {
    const fileName = cleanFileName(info.filename);
    if (name !== limits.fileField) {
      skip(stream);
      return fail(validationError(name, `Send files in fields named "${limits.fileField}"`));
    }
    if (files.length === limits.maxFiles) {
      skip(stream);
      return fail(tooManyFiles(fileName, limits.maxFiles));
    }
    const staged: StagedFile = { fileName, path: path.join(limits.stagingDir, randomUUID()), size: 0, sha256: "" };
    files.push(staged);
    const hash = createHash("sha256");
    stream.on("limit", () => fail(fileTooLarge(fileName, limits.maxFileBytes)));
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        hash.update(chunk);
        staged.size += chunk.length;
        fileBytes += chunk.length;
        callback(fileBytes > limits.maxTotalFileBytes ? filesTooLarge(limits.maxTotalFileBytes) : null, chunk);
      },
    });
    writes.push(
      pipeline(stream, measure, createWriteStream(staged.path, { flags: "wx", mode: 0o600 })).then(
        () => void (staged.sha256 = hash.digest("hex")),
        (error: unknown) => fail(error),
      ),
    );
  });

  const discard = async () => {
    await Promise.allSettled(writes);
    await Promise.all(files.map((file) => rm(file.path, { force: true })));
  };

  try {
    await pipeline(Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>), counter, parser);
    await Promise.all(writes);
    if (failure) throw failure;
  } catch (error) {
    await discard();
    throw translate(failure ?? error);
  }
  // A file input left empty still sends a nameless, empty part.
  const chosen = files.filter((file) => !(file.size === 0 && file.fileName === cleanFileName(undefined)));
  return { fields, files: chosen, discard };
}

/**
 * Drains a file part that is refused. Refusing it tears the parser down, which destroys this stream
 * with the refusal: without a listener, that error would escape as an uncaught exception, inside Node's
 * HTTP parser, which then answers a bare 400 in place of the route's problem.
 */
function skip(file: Readable): void {
  file.on("error", () => {}).resume();
}

function byteCounter(maxBytes: number): Transform {
  let received = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      received += chunk.length;
      callback(received > maxBytes ? bodyTooLarge(maxBytes) : null, chunk);
    },
  });
}

function translate(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (error instanceof Error && /Unexpected end of form|Malformed|boundary/i.test(error.message)) {
    return new AppError("bad_request", `The multipart body is malformed: ${error.message}`);
  }
  if (error instanceof Error && (error.name === "AbortError" || /aborted|terminated|ECONNRESET/i.test(error.message))) {
    return new AppError("bad_request", "The upload was interrupted");
  }
  return error;
}

function bodyTooLarge(maxBytes: number): AppError {
  return new AppError("payload_too_large", `The request body is larger than the ${describeBytes(maxBytes)} limit for uploads`);
}

function fileTooLarge(fileName: string, maxBytes: number): AppError {
  const message = `"${fileName}" is larger than the ${describeBytes(maxBytes)} limit for one file`;
  return new AppError("payload_too_large", message, { errors: [{ path: "attachments", message }] });
}

function filesTooLarge(maxBytes: number): AppError {
  const message = `The files together are larger than the ${describeBytes(maxBytes)} limit for one ticket`;
  return new AppError("payload_too_large", message, { errors: [{ path: "attachments", message }] });
}

function tooManyFiles(fileName: string, maxFiles: number): AppError {
  return validationError("attachments", `A ticket can have at most ${maxFiles} files; "${fileName}" is one too many`);
}
