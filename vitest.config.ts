import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // Tests run on the server: let domain modules that `import "server-only"` load (the condition
      // below is not applied to every import path vitest resolves).
      "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js"),
    },
    // Domain modules `import "server-only"`, which only resolves quietly under this condition.
    conditions: ["react-server"],
  },
  // Tests run in the server-side environment, which has conditions of its own, also for packages Node loads.
  ssr: { resolve: { conditions: ["react-server"], externalConditions: ["react-server"] } },
  test: {
    projects: [
      { extends: true, test: { name: "unit", include: ["lib/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.mjs"] } },
      {
        extends: true,
        test: {
          name: "process",
          // Starts the built server and the commands with bad settings, each in a process of its own.
          include: ["tests/process/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "api",
          include: ["tests/api/**/*.test.ts"],
          globalSetup: ["tests/api/global-setup.ts"],
          testTimeout: 30_000,
          // One server and one database for the whole suite; files run in turn so counts stay exact.
          fileParallelism: false,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: "api-uploadthing",
          // The attachment suite once more, with the files on the UploadThing stand-in.
          include: ["tests/api/attachments*.test.ts"],
          globalSetup: ["tests/api/global-setup-uploadthing.ts"],
          testTimeout: 30_000,
          fileParallelism: false,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
