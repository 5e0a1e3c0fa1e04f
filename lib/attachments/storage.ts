import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import type { InspectedFile } from "./inspect-files";
import { LocalDiskStorage } from "./local-disk-storage";
import { UploadThingStorage } from "./uploadthing-storage";

export interface StoredObject {
  /** Made by the storage, never from the client's file name. */
  key: string;
  /** Where the storage serves the file, when it does (UploadThing); null on local disk. */
  url: string | null;
}

/** How a download is answered: the bytes themselves, or a short-lived link to them. */
export type StoredFileAccess = { body: ReadableStream<Uint8Array> } | { redirect: string };

/** Where attachment bytes live. Rows in `attachments` point here by `storageKey`. */
export interface AttachmentStorage {
  readonly name: "local" | "uploadthing";
  /** A local directory where multipart uploads wait while they are checked. */
  readonly stagingDir: string;
  /** Refuses (507) to take `bytes` more when that would leave the storage nearly full. */
  assertSpaceFor(bytes: number): Promise<void>;
  put(file: InspectedFile): Promise<StoredObject>;
  open(key: string): Promise<StoredFileAccess>;
  delete(keys: readonly string[]): Promise<void>;
  /** Every stored key and when it was stored, for the orphan sweep. */
  list(): AsyncIterable<{ key: string; storedAt: Date }>;
}

let storage: AttachmentStorage | undefined;

/** UploadThing when UPLOADTHING_TOKEN is set, else local disk under DATA_DIR/attachments. */
export function attachmentStorage(): AttachmentStorage {
  storage ??= env.UPLOADTHING_TOKEN
    ? new UploadThingStorage(env.UPLOADTHING_TOKEN)
    : new LocalDiskStorage(path.resolve(env.DATA_DIR, "attachments"), env.ATTACHMENT_MIN_FREE_BYTES);
  return storage;
}
