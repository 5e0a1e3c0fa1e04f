import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// npm run test:reliability: minutes-long suites that kill, starve and soak the built app.
export default mergeConfig(
  { ...base, test: {} },
  defineConfig({
    test: {
      include: ["tests/reliability/**/*.test.ts"],
      testTimeout: 15 * 60_000,
      hookTimeout: 120_000,
      fileParallelism: false,
    },
  }),
);
