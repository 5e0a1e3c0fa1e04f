import { describe, expect, it } from "vitest";
import { api, auth, baseURL, createTicket } from "./client";

function directives(policy: string | null): Map<string, string> {
  return new Map(
    (policy ?? "").split(";").map((directive) => {
      const [name = "", ...values] = directive.trim().split(/\s+/);
      return [name, values.join(" ")];
    }),
  );
}

const COMMON_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

describe("security headers", () => {
  it("lock an API answer down: nothing may load or frame it, and it is JSON with a charset", async () => {
    const response = await api("/api/support-tickets?limit=1", { headers: auth });
    expect(response.status).toBe(200);
    for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(response.headers.get(name)).toBe(value);
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    const csp = directives(response.headers.get("content-security-policy"));
    expect(csp.get("default-src")).toBe("'none'");
    expect(csp.get("frame-ancestors")).toBe("'none'");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("keep authenticated and tracking-link answers out of every cache", async () => {
    const ticket = await createTicket();
    const key = new URL(ticket.trackingUrl!).searchParams.get("key")!;
    for (const response of [
      await api(`/api/support-tickets/${ticket.id}`, { headers: auth }),
      await api(`/api/support-tickets/${ticket.id}?key=${key}`),
    ]) {
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("private, no-store");
    }
  });

  it("give every page a strict CSP whose fresh nonce is on each of its scripts", async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseURL}/`);
      expect(response.status).toBe(200);
      for (const [name, value] of Object.entries(COMMON_HEADERS)) expect(response.headers.get(name)).toBe(value);
      const csp = directives(response.headers.get("content-security-policy"));
      const nonce = /'nonce-([^']+)'/.exec(csp.get("script-src") ?? "")?.[1];
      expect(nonce).toBeTruthy();
      expect(csp.get("script-src")).toContain("'strict-dynamic'");
      expect(csp.get("script-src")).not.toContain("unsafe-inline");
      expect(csp.get("object-src")).toBe("'none'");
      expect(csp.get("base-uri")).toBe("'none'");
      expect(csp.get("frame-ancestors")).toBe("'none'");
      const html = await response.text();
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
      expect(scripts.length).toBeGreaterThan(0);
      for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
      nonces.add(nonce!);
    }
    expect(nonces.size).toBe(2);
  });

  it("serve the API reference's scripts from this app, not a CDN, and no other file from there", async () => {
    const page = await fetch(`${baseURL}/docs/api`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const imported = [...html.matchAll(/\bimport\b[^"]*"([^"]+)"/g)].map((match) => match[1]);
    expect(imported).toEqual(["/docs/api/scalar/standalone.esm.js"]);
    const entry = await fetch(`${baseURL}${imported[0]}`);
    expect(entry.status).toBe(200);
    expect(entry.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const chunks = [...(await entry.text()).matchAll(/from"\.\/(chunks\/[^"]+)"/g)].map((match) => match[1]);
    expect(chunks.length).toBeGreaterThan(0);
    const chunk = await fetch(`${baseURL}/docs/api/scalar/${chunks[0]}`);
    expect(chunk.status).toBe(200);
    expect(chunk.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const elsewhere of ["package.json", "chunks/../../../package.json", "standalone.js.map", "chunks/missing-0000.js"]) {
      expect((await fetch(`${baseURL}/docs/api/scalar/${elsewhere}`)).status).toBe(404);
    }
  });

  it("send no HSTS over plain HTTP", async () => {
    const response = await fetch(`${baseURL}/`);
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});
