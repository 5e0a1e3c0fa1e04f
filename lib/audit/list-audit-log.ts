import "server-only";
import { desc, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { validationError } from "@/lib/errors";
import type { AuditEntry, AuditAction, ListAuditLogQuery } from "./schemas";

// Opaque to clients: the last entry's time and id (keyset pagination, newest first).
function encodeCursor(at: Date, id: number): string {
  return Buffer.from(JSON.stringify([at.toISOString(), id])).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: number } {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const date = new Date(String(at));
    if (Number.isInteger(id) && !Number.isNaN(date.getTime())) return { at: date, id: id as number };
  } catch {
    // falls through to the validation error below
  }
  throw validationError("cursor", "This cursor is not valid for the audit log; start again from the first page");
}

/** One page of the audit log, newest first, and the cursor of the next page (null on the last). */
export async function listAuditLog(query: ListAuditLogQuery): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const db = await getDb();
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  const rows = await db
    .select()
    .from(auditLog)
    .where(after ? sql`(${auditLog.createdAt}, ${auditLog.id}) < (${after.at.toISOString()}::timestamptz, ${after.id})` : undefined)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    entries: page.map((row) => ({
      ...row,
      action: row.action as AuditAction,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}
