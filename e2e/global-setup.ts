import { randomBytes } from "node:crypto";
import type { FullConfig } from "@playwright/test";
import { runNpmCommand, startTestServer } from "../tests/support/test-server";
import { STAFF } from "./staff-account";

// One built app on a fresh database for the whole browser suite, with a staff admin and an API token
// made by the real CLI commands; specs read them (and the app's address) from the environment.
export default async function globalSetup(_config: FullConfig) {
  // Email in by HTTP, as a mail provider forwards it (conversation.spec.ts), and replies routed by token.
  process.env.INBOUND_EMAIL_SECRET = randomBytes(24).toString("hex");
  const server = await startTestServer({
    extraEnv: { INBOUND_EMAIL_SECRET: process.env.INBOUND_EMAIL_SECRET, MAIL_REPLY_TO: "support+{token}@kinconecta.test" },
    beforeStart: async (env) => {
      await runNpmCommand(env, "staff:create", STAFF.email, STAFF.password, "--admin");
      const output = await runNpmCommand(env, "token:create", "e2e suite");
      process.env.API_TOKEN = output.trim().split("\n").at(-1)!;
    },
  });
  process.env.BASE_URL = server.baseURL;
  return server.stop;
}
