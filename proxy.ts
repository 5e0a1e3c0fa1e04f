import { type NextRequest, NextResponse } from "next/server";
import { env } from "@/lib/env";
import { securityHeaders } from "@/lib/http/security-headers";

/**
 * Security headers on every page (API answers get theirs in lib/http/handler.ts). Pages get a strict Content-Security-Policy with a
 * fresh nonce, which Next.js reads from the request's CSP header and puts on its inline scripts
 * (so every page renders dynamically); `x-nonce` hands it to pages that load scripts of their own.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const headers = securityHeaders({
    nonce,
    isApi: request.nextUrl.pathname.startsWith("/api/"),
    isDevelopment: process.env.NODE_ENV === "development",
    isHttps: process.env.NODE_ENV === "production" && env.APP_URL.startsWith("https://"),
    isApiReference: request.nextUrl.pathname === "/docs/api",
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Static build output is immutable and holds no documents. API routes get their headers from
  // withProblems instead: Next.js buffers (and caps at 10 MB) every request body that passes through the
  // proxy, which would break streaming uploads and the early cut-off of oversized bodies.
  matcher: ["/((?!api/|_next/static|_next/image|favicon.ico).*)"],
};
