import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { type Access, ROUTE_DEFINITION, type RouteDefinition } from "./define-route";

const APP = path.resolve(import.meta.dirname, "../../app");
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

const routeFiles = readdirSync(APP, { recursive: true, encoding: "utf8" })
  .filter((file) => path.basename(file) === "route.ts")
  .sort();

type AnyDefinition = RouteDefinition<readonly Access[], z.ZodType, z.ZodType, z.ZodType>;

describe("every route handler is declared through defineRoute", () => {
  it("finds the route handlers", () => {
    expect(routeFiles.length).toBeGreaterThanOrEqual(17);
  });

  it.each(routeFiles)("app/%s", async (file) => {
    const routeModule = (await import(path.join(APP, file))) as Record<string, unknown>;
    const handlers = Object.entries(routeModule).filter(([name]) => HTTP_METHODS.includes(name));
    expect(handlers.length).toBeGreaterThan(0);
    for (const [method, handler] of handlers) {
      const definition = (handler as { [ROUTE_DEFINITION]?: AnyDefinition })[ROUTE_DEFINITION];
      expect(definition, `${method} in app/${file} is not made by defineRoute`).toBeDefined();
      expect(definition!.access.length, `${method} in app/${file} names no caller`).toBeGreaterThan(0);
      // A route without a limit must say why.
      const limit = definition!.limit;
      if (typeof limit === "object") expect(limit.off.length).toBeGreaterThan(10);
      if (definition!.access.includes("requester")) {
        expect(definition!.params?.safeParse({ id: "1", attachmentId: "1" }).success, `${method} in app/${file}: requester access needs a ticket id`).toBe(true);
      }
    }
  });
});
