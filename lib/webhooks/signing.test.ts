import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, webhookSignature } from "./signing";

// Checked with a third-party verifier (the Standard Webhooks reference library), not with our own code.
describe("webhookSignature", () => {
  const body = JSON.stringify({ type: "ticket.created", timestamp: "2026-12-04T10:00:00.000Z", data: { ticket: { id: 1 } } });
  const id = "msg_2b1c";
  const timestamp = Math.floor(Date.now() / 1000);
  const headersFor = (signature: string) => ({ "webhook-id": id, "webhook-timestamp": String(timestamp), "webhook-signature": signature });

  it("verifies with the reference library, and fails for another body or secret", () => {
    const secret = newWebhookSecret();
    const signature = webhookSignature([secret], id, timestamp, body);
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(new Webhook(secret).verify(body, headersFor(signature))).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(`${body} `, headersFor(signature))).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headersFor(signature))).toThrow();
  });

  it("carries one signature per secret during a rotation, each verifying with its own secret", () => {
    const [current, previous] = [newWebhookSecret(), newWebhookSecret()];
    const signature = webhookSignature([current, previous], id, timestamp, body);
    expect(signature.split(" ")).toHaveLength(2);
    for (const secret of [current, previous]) expect(new Webhook(secret).verify(body, headersFor(signature))).toBeTruthy();
  });
});
