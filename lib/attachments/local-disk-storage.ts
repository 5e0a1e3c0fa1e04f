import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { copyFile, mkdir, readdir, rename, rm, stat, statfs } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import type { InspectedFile } from "./inspect-files";
import { describeBytes } from "./types";
import type { AttachmentStorage, StoredFileAccess, StoredObject } from "./storage";

const KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Files under one directory, named by random UUIDs, keeping at least `minFreeBytes` of its volume free. */
export class LocalDiskStorage implements AttachmentStorage {
  readonly name = "local";
  readonly stagingDir: string;

  constructor(
    private readonly directory: string,
    private readonly minFreeBytes: number,
  ) {
    // Beside the final directory, so storing a staged file is a rename on the same file system.
    this.stagingDir = `${directory}-staging`;
  }

  // A full volume would fail more than uploads: the embedded database and the mail files may live on it too.
  async assertSpaceFor(bytes: number): Promise<void> {
    await mkdir(this.directory, { recursive: true });
    const volume = await statfs(this.directory);
    const free = volume.bavail * volume.bsize;
    if (free - bytes < this.minFreeBytes) {
      console.error(`Attachment storage nearly full: ${describeBytes(free)} free, keeping ${describeBytes(this.minFreeBytes)} (ATTACHMENT_MIN_FREE_BYTES)`);
      throw new AppError("insufficient_storage", "The server has no room for more files just now; nothing was saved, please try again later");
    }
  }

  async put(file: InspectedFile): Promise<StoredObject> {
    const key = randomUUID();
    await mkdir(this.directory, { recursive: true });
    const target = this.pathOf(key);
    try {
      await rename(file.path, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EXDEV") throw error;
      await copyFile(file.path, target);
    }
    return { key, url: null };
  }

  async open(key: string): Promise<StoredFileAccess> {
    const stream = createReadStream(this.pathOf(key));
    await new Promise<void>((resolve, reject) => stream.once("open", () => resolve()).once("error", reject));
    return { body: Readable.toWeb(stream) as ReadableStream<Uint8Array> };
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => rm(this.pathOf(key), { force: true })));
  }

  async *list(): AsyncIterable<{ key: string; storedAt: Date }> {
    const names = await readdir(this.directory).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT") return [];
      throw error;
    });
    for (const key of names.filter((name) => KEY_PATTERN.test(name))) {
      yield { key, storedAt: (await stat(this.pathOf(key))).mtime };
    }
  }

  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Not a local storage key: ${key}`);
    return path.join(this.directory, key);
  }
}
