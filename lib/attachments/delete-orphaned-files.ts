import "server-only";
import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { attachments } from "@/db/schema";
import { attachmentStorage } from "./storage";

const BATCH = 500;

export interface OrphanSweep {
  checked: number;
  deleted: string[];
  stagingFilesDeleted: number;
}

/**
 * Deletes stored files that no attachment row references, and staging files left by a crash. Only
 * files older than `minAgeMs` are touched, so an upload whose rows are being written right now is safe.
 */
export async function deleteOrphanedFiles(minAgeMs: number): Promise<OrphanSweep> {
  const storage = attachmentStorage();
  const cutoff = Date.now() - minAgeMs;
  const candidates: string[] = [];
  for await (const file of storage.list()) if (file.storedAt.getTime() <= cutoff) candidates.push(file.key);

  const db = await getDb();
  const deleted: string[] = [];
  for (let start = 0; start < candidates.length; start += BATCH) {
    const keys = candidates.slice(start, start + BATCH);
    const rows = await db.select({ key: attachments.storageKey }).from(attachments).where(inArray(attachments.storageKey, keys));
    const referenced = new Set(rows.map((row) => row.key));
    const orphans = keys.filter((key) => !referenced.has(key));
    await storage.delete(orphans);
    deleted.push(...orphans);
  }

  let stagingFilesDeleted = 0;
  const staged = await readdir(storage.stagingDir).catch(() => []);
  for (const name of staged) {
    const file = path.join(storage.stagingDir, name);
    if ((await stat(file)).mtimeMs <= cutoff) {
      await rm(file, { force: true });
      stagingFilesDeleted++;
    }
  }
  return { checked: candidates.length, deleted, stagingFilesDeleted };
}
