import { describe, expect, it } from "vitest";
import { api } from "./client";

describe("GET /api/health", () => {
  it("answers 200 when the app and its database are up", async () => {
    const response = await api("/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });
});
