import "server-only";
import { and, eq, isNull, lt, sql } from "drizzle-orm";
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

/** Stores the response with the work: call it inside the transaction that commits the work. */
export type SaveIdempotentResult<Body> = (tx: Transaction, result: IdempotentResult<Body>) => Promise<void>;

/** A key this request holds; `claimedAt` tells it from a later retry's takeover of the same key. */
interface Claim {
  scope: string;
  key: string;
  claimedAt: Date;
}

/**
 * Runs `execute` at most once per (scope, Idempotency-Key): a retry with the same body gets the first
 * response again, with another body a 422, and while the first is still running a 409.
 *
 * The key is claimed first, in a statement of its own; `execute` then does its slow work (storing files)
 * with no transaction open, and passes its response to `save` inside the one short transaction that
 * commits its rows, so an acknowledged result is never done twice. Claiming inside that transaction
 * instead would make a concurrent duplicate wait on the unique index for as long as the first takes
 * (holding a connection, and on PGlite every other request) only to fail then; a claim of its own
 * answers the duplicate 409 at once, and a retry never stores its files a second time. A claim whose
 * request died is taken over after ABANDONED_AFTER_SECONDS; should the original still finish, its `save`
 * finds the key taken and its work rolls back.
 */
export async function withIdempotency<Body>(
  request: Request,
  scope: string,
  fingerprint: string,
  execute: (save: SaveIdempotentResult<Body>) => Promise<IdempotentResult<Body>>,
): Promise<IdempotentResult<Body> & { replayed: boolean }> {
  const key = request.headers.get("idempotency-key");
  if (key === null) return { ...(await execute(async () => {})), replayed: false };
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw validationError("Idempotency-Key", "Idempotency-Key must be 1 to 255 visible ASCII characters");
  }

  const claimed = await claimKey<Body>(scope, key, fingerprint);
  if ("replay" in claimed) return { ...claimed.replay, replayed: true };
  try {
    return { ...(await execute((tx, result) => saveResult(tx, claimed.claim, result))), replayed: false };
  } catch (error) {
    // Nothing was committed, so the key is free for a corrected retry. Should that fail too (the database
    // went away), the claim is abandoned and taken over later; the caller hears the first error.
    await releaseClaim(claimed.claim).catch((releaseError: unknown) => {
      console.error("Could not release an Idempotency-Key after a failed request", releaseError);
    });
    throw error;
  }
}

function isKey({ scope, key }: Omit<Claim, "claimedAt">) {
  return and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
}

function isOurRunningClaim(claim: Claim) {
  return and(isKey(claim), eq(idempotencyKeys.createdAt, claim.claimedAt), isNull(idempotencyKeys.responseStatus));
}

/** The key for this request, or the first request's result to replay. */
async function claimKey<Body>(
  scope: string,
  key: string,
  fingerprint: string,
): Promise<{ claim: Claim } | { replay: IdempotentResult<Body> }> {
  const db = await getDb();
  await db
    .delete(idempotencyKeys)
    .where(and(isKey({ scope, key }), lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${IDEMPOTENCY_KEY_TTL_HOURS})`)));
  const [inserted] = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: fingerprint })
    .onConflictDoNothing()
    .returning({ claimedAt: idempotencyKeys.createdAt });
  if (inserted) return { claim: { scope, key, claimedAt: inserted.claimedAt } };

  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.responseStatus,
      body: idempotencyKeys.responseBody,
      headers: idempotencyKeys.responseHeaders,
      claimedAt: idempotencyKeys.createdAt,
      abandoned: sql<boolean>`${idempotencyKeys.createdAt} < now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})`,
    })
    .from(idempotencyKeys)
    .where(isKey({ scope, key }));
  if (!row) throw new AppError("conflict", "A request with this Idempotency-Key has just finished; retry it");
  if (row.requestHash !== fingerprint) {
    throw validationError("Idempotency-Key", "This Idempotency-Key was already used with a different request body");
  }
  if (row.status !== null) return { replay: { status: row.status, body: row.body as Body, headers: row.headers ?? {} } };

  // Taken over only from the claim just read, so of two retries of an abandoned request one wins.
  const [taken] = row.abandoned
    ? await db
        .update(idempotencyKeys)
        .set({ createdAt: sql`now()` })
        .where(isOurRunningClaim({ scope, key, claimedAt: row.claimedAt }))
        .returning({ claimedAt: idempotencyKeys.createdAt })
    : [];
  if (!taken) throw new AppError("conflict", "A request with this Idempotency-Key is still being processed; retry shortly");
  return { claim: { scope, key, claimedAt: taken.claimedAt } };
}

async function saveResult<Body>(tx: Transaction, claim: Claim, result: IdempotentResult<Body>): Promise<void> {
  const saved = await tx
    .update(idempotencyKeys)
    .set({ responseStatus: result.status, responseBody: result.body, responseHeaders: result.headers })
    .where(isOurRunningClaim(claim))
    .returning({ key: idempotencyKeys.key });
  if (saved.length === 0) {
    throw new AppError("conflict", "A retry with this Idempotency-Key took over while this request was still running; retry it");
  }
}

async function releaseClaim(claim: Claim): Promise<void> {
  const db = await getDb();
  await db.delete(idempotencyKeys).where(isOurRunningClaim(claim));
}
