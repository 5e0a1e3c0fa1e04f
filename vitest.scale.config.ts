import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

// npm run test:scale: three instances of the built app on one PostgreSQL database and Redis, behind a real HAProxy
// (tests/scale, docs/deploy.md). Needs a production build and /usr/sbin/haproxy.
export default mergeConfig(
  { ...base, test: {} },
  defineConfig({
    test: {
      include: ["tests/scale/**/*.test.ts"],
      globalSetup: ["tests/scale/global-setup.ts"],
      testTimeout: 120_000,
      hookTimeout: 240_000,
      fileParallelism: false,
    },
  }),
);
