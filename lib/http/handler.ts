import "server-only";
import { problemFromError } from "./problem";
import { addRateLimitHeaders } from "./rate-limit";

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

/**
 * Wraps a route handler so every failure leaves as problem+json, with the request's RateLimit headers.
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
    addRateLimitHeaders(request, headers);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}
