import { describe, expect, it } from "vitest";
import { browserAttempts, browserInstructions } from "./browser.mjs";

const bare = { systemChromium: undefined, playwrightChromium: false, root: false, aptGet: false };

describe("getting a browser for the browser tests", () => {
  it("uses a system Chromium or Playwright's own when there is one", () => {
    expect(browserAttempts({ ...bare, systemChromium: "/usr/bin/chromium", root: true, aptGet: true })).toEqual([]);
    expect(browserAttempts({ ...bare, playwrightChromium: true })).toEqual([]);
  });

  it("tries Playwright's download first, then Debian's package where it may install it", () => {
    expect(browserAttempts({ ...bare, root: true, aptGet: true })).toEqual(["playwright-download", "apt-get"]);
  });

  it("does not try apt-get without root or without apt-get", () => {
    expect(browserAttempts({ ...bare, aptGet: true })).toEqual(["playwright-download"]);
    expect(browserAttempts({ ...bare, root: true })).toEqual(["playwright-download"]);
  });

  it("says exactly what to do when nothing worked", () => {
    const text = browserInstructions();
    expect(text).toContain("sudo apt-get update && sudo apt-get install -y chromium");
    expect(text).toContain("CHROMIUM_PATH=");
    expect(text).toContain("npx playwright install --with-deps chromium");
    expect(text).toContain("npm test -- --from=e2e");
  });
});
