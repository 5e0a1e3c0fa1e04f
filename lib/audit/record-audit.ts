import "server-only";
import type { Database, Transaction } from "@/db";
import { auditLog } from "@/db/schema";
import type { AuditAction } from "./schemas";

/** Who caused an audited action and from where: `staff:<email>`, `cli`, `system`, …; the address when over HTTP. */
export interface AuditOrigin {
  actor: string;
  ipAddress: string | null;
}

export const CLI_ORIGIN: AuditOrigin = { actor: "cli", ipAddress: null };
export const SYSTEM_ORIGIN: AuditOrigin = { actor: "system", ipAddress: null };

/** Writes one audit entry; pass the action's own transaction so the entry exists exactly when the action does. */
export async function recordAudit(
  executor: Database | Transaction,
  origin: AuditOrigin,
  entry: { action: AuditAction; target?: string; detail?: Record<string, unknown> },
): Promise<void> {
  await executor.insert(auditLog).values({
    action: entry.action,
    actor: origin.actor,
    target: entry.target ?? null,
    detail: entry.detail ?? null,
    ipAddress: origin.ipAddress,
  });
}
