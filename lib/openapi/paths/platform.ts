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
      description: "200 when the app and its database answer; for load balancers and uptime checks.",
      security: security.noCredentials,
      responses: {
        200: {
          description: "Up",
          content: {
            "application/json": {
              schema: z.object({ status: z.literal("ok"), database: z.literal("ok") }).meta({ id: "Health" }),
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
