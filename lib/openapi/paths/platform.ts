import { z } from "zod";
import type { ZodOpenApiPathsObject } from "zod-openapi";
import { problemResponses, security } from "../components";

// Open to anyone, but a token that is sent must check out (lib/http/authenticate.ts).
const BROKEN_TOKEN = "An `Authorization` header was sent and is not a valid API token";

export const platformPaths: ZodOpenApiPathsObject = {
  "/api/health": {
    get: {
      operationId: "getHealth",
      tags: ["Platform"],
      summary: "Health check",
      description:
        "200 when the app and its database answer; for load balancers and uptime checks. `status` is `degraded` (still " +
        "200: the desk serves) when a side service is down, e.g. the watched mailbox (`mailbox`, present with IMAP_URL), " +
        "which is retried with back-off meanwhile.",
      security: security.noCredentials,
      responses: {
        200: {
          description: "Up",
          content: {
            "application/json": {
              schema: z
                .object({
                  status: z.enum(["ok", "degraded"]),
                  database: z.literal("ok"),
                  mailbox: z
                    .object({
                      status: z.enum(["ok", "degraded"]),
                      since: z.iso.datetime().meta({ description: "When it last changed" }),
                      error: z.string().optional().meta({ description: "Why it is degraded", example: "connect ECONNREFUSED 127.0.0.1:993" }),
                    })
                    .optional()
                    .meta({ description: "The IMAP_URL mailbox; absent when no mailbox is watched" }),
                })
                .meta({ id: "Health" }),
            },
          },
        },
        ...problemResponses([401, 503], { rateLimited: false, descriptions: { 401: BROKEN_TOKEN } }),
      },
    },
  },
  "/api/bench/empty": {
    get: {
      operationId: "benchEmpty",
      tags: ["Platform"],
      summary: "Benchmark baseline",
      description:
        "Does nothing, to measure the framework's own ceiling (`npm run bench`). Answers 404 unless the server was " +
        "started with `BENCH_ROUTES=1`, so production exposes nothing here.",
      security: security.noCredentials,
      responses: {
        200: {
          description: "Only with `BENCH_ROUTES=1`",
          content: { "application/json": { schema: z.object({ ok: z.literal(true) }) } },
        },
        404: { description: "Benchmark routes are off (the default); no body" },
      },
    },
  },
  "/api/openapi.json": {
    get: {
      operationId: "getOpenApiDocument",
      tags: ["Platform"],
      summary: "This document",
      description: "The OpenAPI 3.1 description of this API, generated from the schemas the handlers validate with.",
      security: security.noCredentials,
      responses: {
        200: {
          description: "The OpenAPI document",
          content: { "application/json": { schema: z.looseObject({ openapi: z.string() }) } },
        },
        ...problemResponses([401, 429], { descriptions: { 401: BROKEN_TOKEN } }),
      },
    },
  },
};
