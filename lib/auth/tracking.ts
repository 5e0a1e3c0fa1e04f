import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { appSecret } from "@/lib/server/app-secret";

// The private tracking key is an HMAC of the ticket id: nothing secret is stored in the database,
// a guessed id without the key gets nowhere, and the link can be rebuilt for every notification email.
export function trackingKey(ticketId: number): string {
  return createHmac("sha256", appSecret()).update(`ticket-tracking:${ticketId}`).digest("base64url");
}

export function isTrackingKeyValid(ticketId: number, key: string): boolean {
  const expected = Buffer.from(trackingKey(ticketId));
  const given = Buffer.from(key);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The requester's private page for a ticket. */
export function trackingUrl(ticketId: number): string {
  return `${env.APP_URL}/support/tickets/${ticketId}?key=${trackingKey(ticketId)}`;
}
