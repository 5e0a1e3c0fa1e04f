import type { TestProject } from "vitest/node";
import { startUploadThingStandIn } from "../support/uploadthing-stand-in";
import { startApiSuite } from "./global-setup";

// The attachment suite again, with the app storing files on UploadThing through the real SDK,
// pointed at a local stand-in by the SDK's own UPLOADTHING_* variables.
export default async function setup(project: TestProject) {
  const standIn = await startUploadThingStandIn();
  try {
    const stopApp = await startApiSuite(project, { extraEnv: standIn.env, storage: "uploadthing", standInURL: standIn.url });
    return async () => {
      await stopApp();
      await standIn.stop();
    };
  } catch (error) {
    await standIn.stop();
    throw error;
  }
}
