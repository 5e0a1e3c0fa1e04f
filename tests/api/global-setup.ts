import type { TestProject } from "vitest/node";
import { runNpmCommand, startTestServer } from "../support/test-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    token: string;
    databaseUrl: string;
    /** Where the app stores attachments in this project. */
    storage: "local" | "uploadthing";
    /** The app's DATA_DIR (local storage lives under it). */
    dataDir: string;
    /** The UploadThing stand-in's base URL, in the api-uploadthing project. */
    standInURL: string;
  }
}

/** Starts the built app with `extraEnv` and hands the tests what they need to reach it. */
export async function startApiSuite(
  project: TestProject,
  options: { extraEnv?: Record<string, string | undefined>; storage: "local" | "uploadthing"; standInURL?: string },
): Promise<() => Promise<void>> {
  let token = "";
  let databaseUrl = "";
  const server = await startTestServer({
    extraEnv: options.extraEnv,
    beforeStart: async (env) => {
      const output = await runNpmCommand(env, "token:create", "api test suite");
      token = output.trim().split("\n").at(-1)!;
      databaseUrl = env.DATABASE_URL ?? "";
    },
  });
  project.provide("baseURL", server.baseURL);
  project.provide("token", token);
  project.provide("databaseUrl", databaseUrl);
  project.provide("storage", options.storage);
  project.provide("dataDir", server.env.DATA_DIR!);
  project.provide("standInURL", options.standInURL ?? "");
  return server.stop;
}

export default function setup(project: TestProject) {
  return startApiSuite(project, { storage: "local" });
}
