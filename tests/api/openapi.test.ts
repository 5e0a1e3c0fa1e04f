import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ContractViolation } from "../support/openapi-contract";
import { api, appContract, baseURL, ticketBody } from "./client";

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every `VERB /path` the app's route handlers under app/api export, in OpenAPI's path syntax. */
async function implementedOperations(): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, "../../app");
  const files = (await readdir(path.join(root, "api"), { recursive: true })).filter((file) => file.endsWith("route.ts"));
  const operations: string[] = [];
  for (const file of files) {
    const source = await readFile(path.join(root, "api", file), "utf8");
    const route = `/api/${path.dirname(file)}`.replace(/\/\.$/, "").replace(/\[(\w+)\]/g, "{$1}");
    for (const method of HTTP_METHODS) {
      if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) operations.push(`${method} ${route}`);
    }
  }
  return operations.sort();
}

describe("the OpenAPI document", () => {
  it("is served at /api/openapi.json as a valid OpenAPI 3.1 document", async () => {
    const response = await api("/api/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const document = await response.json();
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(document.servers).toEqual([{ url: baseURL }]);
  });

  it("documents exactly the operations the route handlers implement", async () => {
    const { document } = await appContract();
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([route, item]) =>
        Object.keys(item)
          .filter((key) => HTTP_METHODS.includes(key.toUpperCase() as (typeof HTTP_METHODS)[number]))
          .map((method) => `${method.toUpperCase()} ${route}`),
      )
      .sort();
    const implemented = await implementedOperations();
    // A catch-all handler (app/api/auth/[...all]: better-auth) answers many paths under its folder: every
    // operation documented there with a method it exports is that handler's, and it must have at least one.
    const handlerOf = (operation: string) =>
      implemented.find((candidate) => {
        const catchAll = /^(\w+) (\/.*\/)\[\.\.\.\w+\]$/.exec(candidate);
        return catchAll !== null && operation.startsWith(`${catchAll[1]} ${catchAll[2]}`);
      }) ?? operation;
    expect([...new Set(documented.map(handlerOf))].sort()).toEqual(implemented);
  });

  it("describes the bearer token, the staff session cookie and the tracking key", async () => {
    const { document } = await appContract();
    const schemes = (document.components as { securitySchemes: Record<string, { type: string; in?: string }> })
      .securitySchemes;
    expect(schemes.apiToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.staffSession).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(schemes.trackingKey).toMatchObject({ type: "apiKey", in: "query", name: "key" });
    expect(schemes.trackingKeyHeader).toMatchObject({ type: "apiKey", in: "header", name: "X-Tracking-Key" });
  });

  it("gives examples that match their own schemas", async () => {
    const contract = await appContract();
    let checked = 0;
    type WithContent = { content?: Record<string, { examples?: Record<string, { value: unknown }> }> };
    type Operation = { requestBody?: WithContent; responses?: Record<string, WithContent> };
    for (const [route, item] of Object.entries(contract.document.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        const bodies: Array<[string[], WithContent | undefined]> = [
          [["requestBody"], operation.requestBody],
          ...Object.entries(operation.responses ?? {}).map(([status, response]): [string[], WithContent] => [
            ["responses", status],
            response,
          ]),
        ];
        for (const [where, body] of bodies) {
          for (const [mediaType, media] of Object.entries(body?.content ?? {})) {
            for (const [name, example] of Object.entries(media.examples ?? {})) {
              const schemaPointer = ["", "paths", route, method, ...where, "content", mediaType, "schema"]
                .map((segment) => segment.replaceAll("~", "~0").replaceAll("/", "~1"))
                .join("/");
              expect(contract.validate(schemaPointer, example.value), `${method} ${route} ${where} ${name}`).toBeNull();
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });
});

describe("contract enforcement in this suite", () => {
  it("fails a response whose status code is not documented", async () => {
    const { check } = await appContract();
    const teapot = new Response(null, { status: 418 });
    await expect(check("GET", `${baseURL}/api/health`, teapot)).rejects.toThrow(ContractViolation);
  });

  it("fails a response with a field the document does not name", async () => {
    const { check } = await appContract();
    const created = await (await api("/api/support-tickets", { method: "POST", json: ticketBody() })).json();
    const tampered = Response.json(
      { ...created, internalNote: "should never leak" },
      { status: 201, headers: { location: `${baseURL}/api/support-tickets/${created.id}`, etag: '"v1"' } },
    );
    await expect(check("POST", `${baseURL}/api/support-tickets`, tampered)).rejects.toThrow(/internalNote|additional/);
  });

  it("fails a response that lacks a required header", async () => {
    const { check } = await appContract();
    const created = await (await api("/api/support-tickets", { method: "POST", json: ticketBody() })).json();
    const withoutLocation = Response.json(created, { status: 201, headers: { etag: '"v1"' } });
    await expect(check("POST", `${baseURL}/api/support-tickets`, withoutLocation)).rejects.toThrow(/Location/);
  });
});
