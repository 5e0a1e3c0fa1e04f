import "server-only";
import { createHmac, randomBytes } from "node:crypto";

const SECRET_PREFIX = "whsec_";

/** A Standard Webhooks signing secret: `whsec_` and 24 random bytes in base64, as receivers' libraries expect. */
export function newWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(24).toString("base64")}`;
}

/**
 * The `webhook-signature` header (Standard Webhooks): `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` for each
 * secret, space-separated, so during a rotation a receiver holding either the old or the new secret can verify.
 */
export function webhookSignature(secrets: readonly string[], webhookId: string, timestamp: number, body: string): string {
  return secrets
    .map((secret) => {
      const key = Buffer.from(secret.slice(SECRET_PREFIX.length), "base64");
      return `v1,${createHmac("sha256", key).update(`${webhookId}.${timestamp}.${body}`).digest("base64")}`;
    })
    .join(" ");
}
