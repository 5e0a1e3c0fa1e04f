import "server-only";
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { apiTokens } from "@/db/schema";
import { randomSecret, sha256Hex } from "@/lib/crypto";
import type { Actor } from "./actor";

const TOKEN_PREFIX = "kct_";

/** Creates an API token and returns it; only its hash is stored, so it cannot be shown again. */
export async function createApiToken(name: string): Promise<{ id: number; name: string; token: string }> {
  const token = randomSecret(TOKEN_PREFIX);
  const db = await getDb();
  const [row] = await db
    .insert(apiTokens)
    .values({ name, tokenHash: sha256Hex(token) })
    .returning({ id: apiTokens.id, name: apiTokens.name });
  return { ...row!, token };
}

export interface ApiTokenSummary {
  id: number;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
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

export async function revokeApiToken(id: number): Promise<boolean> {
  const db = await getDb();
  const revoked = await db
    .update(apiTokens)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return revoked.length > 0;
}

/** The actor for a live token, or null for an unknown or revoked one. */
export async function findTokenActor(token: string): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ id: apiTokens.id, name: apiTokens.name })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, sha256Hex(token)), isNull(apiTokens.revokedAt)))
    .limit(1);
  if (!row) return null;
  void touchToken(row.id);
  return { kind: "token", tokenId: row.id, name: row.name };
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
