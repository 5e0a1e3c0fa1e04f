import "server-only";
import { problemFromError } from "./problem";

type RouteHandler<Context> = (request: Request, context: Context) => Promise<Response>;

/** Wraps a route handler so every failure leaves as problem+json. */
export function withProblems<Context>(handler: RouteHandler<Context>): RouteHandler<Context> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return problemFromError(error);
    }
  };
}
