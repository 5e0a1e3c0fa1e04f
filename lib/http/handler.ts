import "server-only";
import { env } from "@/lib/env";
import { problemFromError } from "./problem";
import { addRateLimitHeaders } from "./rate-limit";
import { securityHeaders } from "./security-headers";

const API_SECURITY_HEADERS = securityHeaders({
  nonce: "",
  isApi: true,
  isDevelopment: false,
  isHttps: process.env.NODE_ENV === "production" && env.APP_URL.startsWith("https://"),
});

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Wraps a route handler so every failure leaves as problem+json, with the request's RateLimit headers
 * and the API's security headers (a handler's own, e.g. a download's sandbox CSP, win).
 * API answers carry personal data (even a public create returns the private tracking link), so no
 * shared cache may keep them.
 */
export function withProblems<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    let response: Response;
    try {
      response = await handler(request, context);
    } catch (error) {
      response = problemFromError(error);
    }
    // A copy, because some responses (Response.redirect) have immutable headers.
    const headers = new Headers(response.headers);
    if (!headers.has("cache-control")) headers.set("cache-control", "private, no-store");
    for (const [name, value] of Object.entries(API_SECURITY_HEADERS)) if (!headers.has(name)) headers.set(name, value);
    addRateLimitHeaders(request, headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
