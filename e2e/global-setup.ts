import type { FullConfig } from "@playwright/test";
import { runNpmCommand, startTestServer } from "../tests/support/test-server";

// One built app on a fresh database for the whole browser suite; specs read its address from BASE_URL
// and an API token (made with the real token:create command) from API_TOKEN.
export default async function globalSetup(_config: FullConfig) {
  const server = await startTestServer({
    beforeStart: async (env) => {
      const output = await runNpmCommand(env, "token:create", "browser test suite");
      process.env.API_TOKEN = output.trim().split("\n").at(-1)!;
    },
  });
  process.env.BASE_URL = server.baseURL;
  return server.stop;
}
