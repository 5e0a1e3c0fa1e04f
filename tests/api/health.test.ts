import { describe, expect, it } from "vitest";
import { api, expectProblem } from "./client";

describe("GET /api/health", () => {
  it("answers 200 when the app and its database are up", async () => {
    const response = await api("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("refuses a broken API token with 401, as every open endpoint does (the OpenAPI document too)", async () => {
    for (const path of ["/api/health", "/api/openapi.json"]) {
      const response = await api(path, { headers: { authorization: "Bearer not-a-token" } });
      await expectProblem(response, 401);
    }
  });
});
