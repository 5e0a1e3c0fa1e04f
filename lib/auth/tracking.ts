import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { tickets } from "@/db/schema";
import { env } from "@/lib/env";
import { appSecret } from "@/lib/server/app-secret";

/** Every ticket starts with this version of its private link; staff issuing a new link bumps it. */
export const FIRST_TRACKING_KEY_VERSION = 1;

// The private tracking key is an HMAC of the ticket id and the ticket's link version: nothing secret is
// stored in the database, a guessed id without the key gets nowhere, and the link can be rebuilt for every
// notification email. Version 1 keeps the original message, so links sent before versions existed still open.
export function trackingKey(ticketId: number, version: number): string {
  const message =
    version === FIRST_TRACKING_KEY_VERSION ? `ticket-tracking:${ticketId}` : `ticket-tracking:${ticketId}:v${version}`;
  return createHmac("sha256", appSecret()).update(message).digest("base64url");
}

/** The ticket's current link version, or undefined for an unknown ticket: one primary-key read. */
async function trackingKeyVersionOf(ticketId: number): Promise<number | undefined> {
  const db = await getDb();
  const [ticket] = await db
    .select({ version: tickets.trackingKeyVersion })
    .from(tickets)
    .where(eq(tickets.id, ticketId))
    .limit(1);
  return ticket?.version;
}

/**
 * Whether `key` opens ticket `ticketId` now: only the key of the ticket's current link version does.
 * The one check for every way in (the API, the tracking page, downloads); an unknown ticket is false.
 */
export async function isTrackingKeyValid(ticketId: number, key: string): Promise<boolean> {
  const version = await trackingKeyVersionOf(ticketId);
  if (version === undefined) return false;
  const expected = Buffer.from(trackingKey(ticketId, version));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The requester's private page for a ticket, at the given link version. */
export function trackingUrl(ticketId: number, version: number): string {
  return `${env.APP_URL}/support/tickets/${ticketId}?key=${trackingKey(ticketId, version)}`;
}

/** The ticket's private page as it opens now, for an email about to be sent. */
export async function currentTrackingUrl(ticketId: number): Promise<string> {
  const version = await trackingKeyVersionOf(ticketId);
  if (version === undefined) throw new Error(`Ticket ${ticketId} does not exist`);
  return trackingUrl(ticketId, version);
}
