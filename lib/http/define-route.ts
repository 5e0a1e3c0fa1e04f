import "server-only";
import { z } from "zod";
import { type Actor, PUBLIC_ACTOR } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { authenticate, authenticateMailProvider, requesterFromTrackingKey, trackingKeyOf } from "./authenticate";
import { readJson } from "./body";
import { withProblems } from "./handler";
import { limitRequest, type RequestLimit } from "./rate-limit";

/**
 * Who may call a route:
 * - `public`: anyone (a token or session that is sent must still check out);
 * - `anyone`: anyone, credentials unread: for the routes that do their own (better-auth's sign-in, sign-out…);
 * - `requester`: whoever holds the private tracking key of the ticket in the path (`?key=` or `X-Tracking-Key`);
 * - `staff`: a signed-in agent or admin; `admin`: a signed-in admin; `token`: an API token;
 * - `mail-provider`: whoever sends INBOUND_EMAIL_SECRET as a Bearer token (404 while it is unset).
 */
export type Access = "public" | "anyone" | "requester" | "staff" | "admin" | "token" | "mail-provider";

/** The caller a handler gets, narrowed by its route's access list. */
type ActorFor = {
  public: Actor;
  anyone: Extract<Actor, { kind: "public" }>;
  requester: Extract<Actor, { kind: "requester" }>;
  staff: Extract<Actor, { kind: "staff" }>;
  admin: Extract<Actor, { kind: "staff" }>;
  token: Extract<Actor, { kind: "token" }>;
  "mail-provider": Extract<Actor, { kind: "public" }>;
};

export interface RouteDefinition<
  Accesses extends readonly Access[],
  Params extends z.ZodType,
  Body extends z.ZodType,
  Query extends z.ZodType,
> {
  access: Accesses;
  /** The caller's budget (lib/http/rate-limit.ts); every route is limited unless it says why not. */
  limit?: RequestLimit;
  /** Path parameters; a segment that does not parse is a 404 with the schema's message. */
  params?: Params;
  /** A JSON body (415, 413, 400 and 422 as the problem catalogue says); routes taking files read `request` themselves. */
  body?: Body;
  /** Query parameters, each single-valued. */
  query?: Query;
}

export interface RouteInput<Caller extends Actor, Params, Body, Query> {
  request: Request;
  actor: Caller;
  params: Params;
  body: Body;
  query: Query;
}

type Input<Accesses extends readonly Access[], Params extends z.ZodType, Body extends z.ZodType, Query extends z.ZodType> = RouteInput<
  ActorFor[Accesses[number]],
  z.output<Params>,
  z.output<Body>,
  z.output<Query>
>;

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

const ACTOR_ACCESS: Record<Actor["kind"], (access: readonly Access[], actor: Actor) => boolean> = {
  public: (access) => access.includes("public"),
  requester: (access) => access.includes("requester"),
  token: (access) => access.includes("token") || access.includes("public"),
  staff: (access, actor) =>
    access.includes("public") || access.includes("staff") || (access.includes("admin") && actor.kind === "staff" && actor.role === "admin"),
};

/**
 * Declares a route handler: who may call it, its rate limit, and the shapes of its path, body and query,
 * checked in that order before the handler runs; every failure leaves as problem+json (withProblems).
 */
export function defineRoute<
  const Accesses extends readonly Access[],
  Params extends z.ZodType = z.ZodUndefined,
  Body extends z.ZodType = z.ZodUndefined,
  Query extends z.ZodType = z.ZodUndefined,
>(
  definition: RouteDefinition<Accesses, Params, Body, Query>,
  handler: (input: Input<Accesses, Params, Body, Query>) => Promise<Response>,
): (request: Request, context: RouteContext) => Promise<Response> {
  const route = withProblems(async (request: Request, context: RouteContext) => {
    const params = definition.params ? parseParams(definition.params, await context.params) : undefined;
    const actor = await authorise(request, definition.access, params).catch(async (error: unknown) => {
      // A refusal (bad token, wrong tracking key, no credentials) still costs its address: probing is limited too.
      await limitRequest(request, PUBLIC_ACTOR, definition.limit);
      throw error;
    });
    await limitRequest(request, actor, definition.limit);
    const body = definition.body ? definition.body.parse(await readJson(request)) : undefined;
    const query = definition.query ? definition.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined;
    return handler({ request, actor, params, body, query } as Input<Accesses, Params, Body, Query>);
  });
  return Object.assign(route, { [ROUTE_DEFINITION]: definition });
}

/** Marks a handler made by defineRoute with its definition, so a test can list every route's access and limit. */
export const ROUTE_DEFINITION = Symbol.for("kinconecta.routeDefinition");

function parseParams<Params extends z.ZodType>(schema: Params, raw: unknown): z.output<Params> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError("not_found", parsed.error.issues[0]?.message ?? "No such resource");
  return parsed.data;
}

async function authorise(request: Request, access: readonly Access[], params: unknown): Promise<Actor> {
  const key = trackingKeyOf(request);
  if (key !== null && access.includes("requester")) {
    const ticketId = (params as { id?: unknown } | undefined)?.id;
    if (typeof ticketId !== "number") throw new Error("A route open to requesters needs a ticket `id` path parameter");
    return requesterFromTrackingKey(ticketId, key);
  }
  if (access.includes("anyone")) return PUBLIC_ACTOR;
  if (access.includes("mail-provider")) return authenticateMailProvider(request);
  const actor = await authenticate(request);
  if (ACTOR_ACCESS[actor.kind](access, actor)) return actor;
  throw refusal(access, actor);
}

function refusal(access: readonly Access[], actor: Actor): AppError {
  const accepted = [
    access.includes("admin") && !access.includes("staff") ? "sign in as an admin" : access.includes("staff") && "sign in as staff",
    access.includes("token") && 'send an API token ("Authorization: Bearer <token>")',
    access.includes("requester") && "use the ticket's private tracking link",
  ].filter(Boolean);
  const how = accepted.join(", or ").replace(/^./, (first) => first.toUpperCase());
  // Known but not allowed (an agent on an admin route, a token on a session-only one) is a 403; unknown is a 401.
  return actor.kind === "public"
    ? new AppError("unauthorized", `${how} to use this endpoint`)
    : new AppError("forbidden", `Not allowed for this caller. ${how} to use this endpoint`);
}
