import type { TestProject } from "vitest/node";
import { runNpmCommand, startTestServer } from "../support/test-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    token: string;
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let token = "";
  let databaseUrl = "";
  const server = await startTestServer({
    beforeStart: async (env) => {
      const output = await runNpmCommand(env, "token:create", "api test suite");
      token = output.trim().split("\n").at(-1)!;
      databaseUrl = env.DATABASE_URL ?? "";
    },
  });
  project.provide("baseURL", server.baseURL);
  project.provide("token", token);
  project.provide("databaseUrl", databaseUrl);
  return server.stop;
}
