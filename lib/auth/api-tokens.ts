import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { randomSecret, sha256Hex } from "@/lib/crypto";
import type { ApiTokenSummary, CreatedApiToken } from "@/lib/staff/schemas";
import type { Actor } from "./actor";

const TOKEN_PREFIX = "kct_";

/** Creates an API token and returns it; only its hash is stored, so it cannot be shown again. */
export async function createApiToken(name: string, origin: AuditOrigin): Promise<CreatedApiToken> {
  const token = randomSecret(TOKEN_PREFIX);
  const db = await getDb();
  const row = await db.transaction(async (tx) => {
    const [created] = await tx
      .insert(apiTokens)
      .values({ name, tokenHash: sha256Hex(token) })
      .returning({ id: apiTokens.id, name: apiTokens.name });
    await recordAudit(tx, origin, { action: "api_token.created", target: `api_token:${created!.id}`, detail: { name } });
    return created!;
  });
  return { ...row, token };
}

/** Every token, newest first, for the admin page; the tokens themselves are never stored. */
export async function listApiTokens(): Promise<ApiTokenSummary[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .orderBy(desc(apiTokens.id));
  return rows.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

export async function revokeApiToken(id: number, origin: AuditOrigin): Promise<boolean> {
  const db = await getDb();
  const revoked = await db.transaction(async (tx) => {
    const rows = await tx
      .update(apiTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      .returning({ name: apiTokens.name });
    if (rows[0]) await recordAudit(tx, origin, { action: "api_token.revoked", target: `api_token:${id}`, detail: { name: rows[0].name } });
    return rows;
  });
  globalForTokens.kinconectaTokenRevocations = (globalForTokens.kinconectaTokenRevocations ?? 0) + 1;
  for (const [hash, { actor }] of verifiedTokens) if (actor.tokenId === id) verifiedTokens.delete(hash);
  return revoked.length > 0;
}

// A busy client sends many requests a second; checking its token against the database once every few
// seconds instead of on every request spares a query per request. Revoking a token forgets it in this
// process at once; another instance of the app may accept it for up to VERIFIED_TOKEN_TTL_MS longer.
// Kept on globalThis because each route is bundled separately and the revoke route must reach them all.
const VERIFIED_TOKEN_TTL_MS = 5_000;
const MAX_VERIFIED_TOKENS = 1_000;
const globalForTokens = globalThis as unknown as {
  kinconectaVerifiedTokens?: Map<string, { actor: Actor & { kind: "token" }; until: number }>;
  /** Bumped by every revocation, so a check that read the token before it cannot remember it after. */
  kinconectaTokenRevocations?: number;
};
const verifiedTokens = (globalForTokens.kinconectaVerifiedTokens ??= new Map());

/** The actor for a live token, or null for an unknown or revoked one. */
export async function findTokenActor(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const tokenHash = sha256Hex(token);
  const verified = verifiedTokens.get(tokenHash);
  if (verified && verified.until > Date.now()) return verified.actor;

  const revocationsBefore = globalForTokens.kinconectaTokenRevocations ?? 0;
  const db = await getDb();
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) {
    verifiedTokens.delete(tokenHash);
    return null;
  }
  const actor = { kind: "token", tokenId: row.id, name: row.name } as const;
  if (verifiedTokens.size >= MAX_VERIFIED_TOKENS) verifiedTokens.clear();
  if ((globalForTokens.kinconectaTokenRevocations ?? 0) === revocationsBefore) {
    verifiedTokens.set(tokenHash, { actor, until: Date.now() + VERIFIED_TOKEN_TTL_MS });
  }
  void touchToken(row.id);
  return actor;
}

// "Last used" is for admins spotting dead tokens; minute precision spares a write per request.
// This process remembers its own last write too, so a busy token costs no extra query at all
// (the WHERE clause still keeps several instances from writing more than once a minute).
const TOUCH_INTERVAL_MS = 60_000;
const lastTouched = new Map<number, number>();

async function touchToken(id: number): Promise<void> {
  const now = Date.now();
  if (now - (lastTouched.get(id) ?? 0) < TOUCH_INTERVAL_MS) return;
  lastTouched.set(id, now);
  try {
    const db = await getDb();
    await db
      .update(apiTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(
        and(
          eq(apiTokens.id, id),
          or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
        ),
      );
  } catch (error) {
    console.error("Could not record API token use", error);
  }
}
