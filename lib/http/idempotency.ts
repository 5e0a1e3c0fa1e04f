import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb, type Transaction } from "@/db";
import { idempotencyKeys } from "@/db/schema";
import { type Actor, actorScope } from "@/lib/auth/actor";
import { AppError, validationError } from "@/lib/errors";
import { clientNetwork } from "./rate-limit";

export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
// A first request that has not finished after this long died with its process; a retry may take over.
const ABANDONED_AFTER_SECONDS = 120;

/**
 * Whose Idempotency-Keys a request's key is one of: each API token's, staff member's or tracking link's
 * own; anonymous callers' per client address (as rate limits count it), so two strangers who happen to
 * send the same key never get each other's ticket.
 */
export function idempotencyScope(request: Request, actor: Actor): string {
  return actor.kind === "public" ? `${actorScope(actor)}:${clientNetwork(request)}` : actorScope(actor);
}

/** What a request produced, in a form that can be stored and replayed. */
export interface IdempotentResult<Body> {
  status: number;
  body: Body;
  headers: Record<string, string>;
}

/**
 * Runs `execute` at most once per (scope, Idempotency-Key): a retry with the same body gets the first
 * response again, with another body a 422, and while the first is still running a 409. The response is
 * stored in the same transaction as the work, so an acknowledged result is never done twice.
 */
export async function withIdempotency<Body>(
  request: Request,
  scope: string,
  fingerprint: string,
  execute: (tx?: Transaction) => Promise<IdempotentResult<Body>>,
): Promise<IdempotentResult<Body> & { replayed: boolean }> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return { ...(await execute()), replayed: false };
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw validationError("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
  }

  const db = await getDb();
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.scope, scope),
        eq(idempotencyKeys.key, key),
        lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`),
      ),
    );
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: fingerprint })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed.length === 0) {
    const replay = await storedResult<Body>(scope, key, fingerprint);
    if (replay) return { ...replay, replayed: true };
  }

  try {
    return await db.transaction(async (tx) => {
      const result = await execute(tx);
      await tx
        .update(idempotencyKeys)
        .set({ responseStatus: result.status, responseBody: result.body, responseHeaders: result.headers })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return { ...result, replayed: false };
    });
  } catch (error) {
    // Nothing was done, so the key is free for a corrected retry.
    await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    throw error;
  }
}

/** The first result for this key, or null when the first request was abandoned and the key is ours now. */
async function storedResult<Body>(scope: string, key: string, fingerprint: string): Promise<IdempotentResult<Body> | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.responseStatus,
      body: idempotencyKeys.responseBody,
      headers: idempotencyKeys.responseHeaders,
      abandoned: sql<boolean>`${idempotencyKeys.createdAt} < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})`,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!row) throw new AppError("conflict", "A request with this Idempotency-Key has just finished; retry it");
  if (row.requestHash !== fingerprint) {
    throw validationError("Idempotency-Key", "This Idempotency-Key was already used with a different request body");
  }
  if (row.status === null) {
    if (!row.abandoned) {
      throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry shortly");
    }
    const taken = await db
      .update(idempotencyKeys)
      .set({ createdAt: sql`now()` })
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .returning({ key: idempotencyKeys.key });
    if (taken.length) return null;
  }
  return { status: row.status ?? 500, body: row.body as Body, headers: row.headers ?? {} };
}
