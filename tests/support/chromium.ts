import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

/**
 * How the browser tests and benchmarks start Chromium: the system's where there is one (CHROMIUM_PATH, or
 * Debian's /usr/bin/chromium, as Playwright cannot download its own everywhere), else Playwright's; quiet, and
 * without a sandbox (CI runs as root).
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined),
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
};
