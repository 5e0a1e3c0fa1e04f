import "server-only";
import { getDb } from "@/db";
import { recordAudit } from "@/lib/audit/record-audit";

/**
 * Audits a sign-in better-auth refused (wrong password, unknown or disabled account) under the account it
 * named. The sign-in budgets bound how many of these one address or account can cause.
 */
export async function recordFailedSignIn(account: string, ipAddress: string, reason: string): Promise<void> {
  const db = await getDb();
  await recordAudit(db, { actor: account, ipAddress }, { action: "sign_in.failed", detail: { reason } });
}
