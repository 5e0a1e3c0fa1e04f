import { describe, expect, it } from "vitest";
import { securityHeaders } from "./security-headers";

const page = { nonce: "abc123", isApi: false, isDevelopment: false, isHttps: false };

describe("securityHeaders", () => {
  it("asks browsers for HTTPS only when the app is served over HTTPS in production", () => {
    expect(securityHeaders(page)["strict-transport-security"]).toBeUndefined();
    expect(securityHeaders({ ...page, isHttps: true })["strict-transport-security"]).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("allows scripts on pages only with the request's nonce, and eval only in development", () => {
    const production = securityHeaders(page)["content-security-policy"];
    expect(production).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
    expect(production).not.toContain("unsafe-eval");
    expect(securityHeaders({ ...page, isDevelopment: true })["content-security-policy"]).toContain("'unsafe-eval'");
  });

  it("relaxes inline styles for the API reference only, never its scripts or the hosts it may reach", () => {
    expect(securityHeaders(page)["content-security-policy"]).toContain("style-src 'self' 'nonce-abc123';");
    expect(securityHeaders(page)["content-security-policy"]).toContain("font-src 'self' data:;");
    const reference = securityHeaders({ ...page, isApiReference: true })["content-security-policy"];
    expect(reference).toContain("style-src 'self' 'unsafe-inline';");
    for (const directive of ["font-src 'self' data:;", "connect-src 'self';", "img-src 'self' blob: data:;"]) {
      expect(reference).toContain(directive);
    }
    expect(reference).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';");
  });

  it("lets API answers load nothing", () => {
    expect(securityHeaders({ ...page, isApi: true })["content-security-policy"]).toMatch(/^default-src 'none';/);
  });
});
