import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { assertPasswordNotCommon } from "./common-passwords";

describe("assertPasswordNotCommon", () => {
  it.each(["1234567890", "qwertyuiop", "Password123", "IloveYou12"])("refuses %s, naming the field", (password) => {
    let thrown: unknown;
    try {
      assertPasswordNotCommon("newPassword", password);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AppError);
    expect((thrown as AppError).errors).toEqual([{ path: "newPassword", message: expect.stringMatching(/commonly used/) }]);
  });

  it("accepts a password nobody uses", () => {
    expect(() => assertPasswordNotCommon("password", "violet-anchor-47-drizzle")).not.toThrow();
  });
});
