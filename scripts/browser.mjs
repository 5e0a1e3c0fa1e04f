// Where the browser suite's Chromium comes from (npm test). The decision is a plain function of what the
// machine has, so it is tested without touching the machine (scripts/browser.test.mjs).

/**
 * @typedef {object} Machine
 * @property {string | undefined} systemChromium  CHROMIUM_PATH or /usr/bin/chromium, when that file exists
 * @property {boolean} playwrightChromium  Playwright's own Chromium is already downloaded
 * @property {boolean} root
 * @property {boolean} aptGet  Debian or Ubuntu with apt-get
 */

/**
 * The ways to get a browser, in the order to try them: none when one is there already; else
 * Playwright's download; else Debian's `chromium` package, where this process may install it.
 * @param {Machine} machine
 * @returns {Array<"playwright-download" | "apt-get">}
 */
export function browserAttempts(machine) {
  if (machine.systemChromium || machine.playwrightChromium) return [];
  return machine.root && machine.aptGet ? ["playwright-download", "apt-get"] : ["playwright-download"];
}

/** What to tell someone whose machine had no browser and could not get one by itself. */
export function browserInstructions() {
  return [
    "The browser tests need Chromium, and none could be found or installed here. Any one of these works:",
    "  • Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y chromium",
    "    (npm test finds /usr/bin/chromium by itself)",
    "  • A Chromium or Chrome installed elsewhere: CHROMIUM_PATH=/path/to/chromium npm test",
    "  • Playwright's own build: npx playwright install --with-deps chromium",
    "    (it downloads from Playwright's servers; behind a proxy set HTTPS_PROXY, or point",
    "    PLAYWRIGHT_DOWNLOAD_HOST at a mirror your network allows)",
    "Then run `npm test -- --from=e2e` to continue where this run stopped.",
  ].join("\n");
}
