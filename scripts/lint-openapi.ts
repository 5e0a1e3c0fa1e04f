// npm run lint:openapi   Lints the OpenAPI document with Redocly CLI's recommended rules, every warning an
// error (redocly.yaml). The document is built by the same code that serves /api/openapi.json, so no server is
// needed; and nothing leaves the machine (no usage data, no update check), so it runs offline.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildOpenApiDocument } from "@/lib/openapi/document";

// A production address: the served document names APP_URL, which is http://localhost:3000 by default, and
// Redocly rightly warns about a localhost server (no-server-example.com) in a description meant for clients.
const SERVER_URL = "https://support.kinconecta.com";

const directory = mkdtempSync(path.join(tmpdir(), "openapi-lint-"));
try {
  const file = path.join(directory, "openapi.json");
  writeFileSync(file, JSON.stringify(buildOpenApiDocument(SERVER_URL), null, 2));
  const redocly = path.join(import.meta.dirname, "../node_modules/.bin/redocly");
  const result = spawnSync(redocly, ["lint", file, "--config", path.join(import.meta.dirname, "../redocly.yaml")], {
    stdio: "inherit",
    env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_NOTIFICATIONS: "true" },
  });
  if (result.error) throw result.error;
  process.exitCode = result.status ?? 1;
} finally {
  rmSync(directory, { recursive: true, force: true });
}
