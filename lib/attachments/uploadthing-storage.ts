import "server-only";
import { openAsBlob } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { UTApi, UTFile } from "uploadthing/server";
import type { InspectedFile } from "./inspect-files";
import type { AttachmentStorage, StoredFileAccess, StoredObject } from "./storage";

// Long enough to start a download, short enough that a leaked link soon stops working.
const DOWNLOAD_LINK_SECONDS = 5 * 60;
const LIST_PAGE_SIZE = 500;

/**
 * Files on UploadThing through the server SDK: the server checks every file before it is sent, and
 * downloads are redirects to links the SDK signs locally. Set the app's ACL to private in the
 * UploadThing dashboard so that only signed links work.
 */
export class UploadThingStorage implements AttachmentStorage {
  readonly name = "uploadthing";
  readonly stagingDir = path.join(tmpdir(), "kinconecta-attachments-staging");
  private readonly api: UTApi;

  constructor(token: string) {
    this.api = new UTApi({ token, logLevel: "Error" });
  }

  /** UploadThing enforces its own quota, and answers an upload over it with an error (a 503 here). */
  async assertSpaceFor(): Promise<void> {}

  async put(file: InspectedFile): Promise<StoredObject> {
    // A file-backed Blob: the SDK streams the staged file instead of reading it into memory.
    const blob = await openAsBlob(file.path, { type: file.contentType });
    const result = await this.api.uploadFiles(new UTFile([blob], file.fileName, { type: file.contentType }));
    if (result.error) throw new Error(`UploadThing refused the upload: ${result.error.code} ${result.error.message}`);
    return { key: result.data.key, url: result.data.ufsUrl };
  }

  async open(key: string): Promise<StoredFileAccess> {
    const { ufsUrl } = await this.api.generateSignedURL(key, { expiresIn: DOWNLOAD_LINK_SECONDS });
    return { redirect: ufsUrl };
  }

  async delete(keys: readonly string[]): Promise<void> {
    if (keys.length > 0) await this.api.deleteFiles([...keys]);
  }

  async *list(): AsyncIterable<{ key: string; storedAt: Date }> {
    for (let offset = 0; ; offset += LIST_PAGE_SIZE) {
      const page = await this.api.listFiles({ limit: LIST_PAGE_SIZE, offset });
      for (const file of page.files) yield { key: file.key, storedAt: new Date(file.uploadedAt) };
      if (!page.hasMore) return;
    }
  }
}
