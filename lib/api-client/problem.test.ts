import { describe, expect, it } from "vitest";
import { ApiProblem } from "./problem";

describe("ApiProblem", () => {
  it("reads a 422 problem's status, title, detail and field errors", () => {
    const problem = new ApiProblem(422, {
      type: "/problems/validation_failed",
      title: "Validation failed",
      status: 422,
      detail: "email: Enter a valid email address",
      errors: [{ path: "email", message: "Enter a valid email address" }],
    });
    expect(problem).toBeInstanceOf(Error);
    expect(problem).toMatchObject({
      status: 422,
      title: "Validation failed",
      detail: "email: Enter a valid email address",
      message: "email: Enter a valid email address",
      errors: [{ path: "email", message: "Enter a valid email address" }],
    });
  });

  it("keeps only well-formed field errors", () => {
    const problem = new ApiProblem(422, {
      detail: "Check the form",
      errors: [{ path: "subject", message: "Subject is required" }, { path: 3, message: "x" }, "text", null, { path: "email" }],
    });
    expect(problem.errors).toEqual([{ path: "subject", message: "Subject is required" }]);
  });

  it.each([
    ["no body", null],
    ["a proxy's page read as nothing", undefined],
    ["a JSON array", ["not", "a", "problem"]],
    ["a detail that is not text", { detail: 42, errors: "none" }],
  ])("still gives the status and a readable message for %s", (_, body) => {
    const problem = new ApiProblem(502, body);
    expect(problem.status).toBe(502);
    expect(problem.detail).toBeUndefined();
    expect(problem.title).toBeUndefined();
    expect(problem.errors).toEqual([]);
    expect(problem.message).toBe("The server answered 502");
  });
});
