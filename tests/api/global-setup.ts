import type { TestProject } from "vitest/node";
import { runNpmCommand, startTestServer } from "../support/test-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    token: string;
    databaseUrl: string;
    admin: { email: string; password: string };
  }
}

const ADMIN = { email: "api-admin@kinconecta.test", password: "api-admin-password" };

export default async function setup(project: TestProject) {
  let token = "";
  let databaseUrl = "";
  const server = await startTestServer({
    beforeStart: async (env) => {
      const output = await runNpmCommand(env, "token:create", "api test suite");
      token = output.trim().split("\n").at(-1)!;
      await runNpmCommand(env, "staff:create", ADMIN.email, ADMIN.password, "--admin");
      databaseUrl = env.DATABASE_URL ?? "";
    },
  });
  project.provide("baseURL", server.baseURL);
  project.provide("token", token);
  project.provide("databaseUrl", databaseUrl);
  project.provide("admin", ADMIN);
  return server.stop;
}
