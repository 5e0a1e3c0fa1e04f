import "server-only";

/**
 * What every process needs before it serves a request or runs a command: valid settings, the database
 * connected and migrated, and the app secret loaded. Rejects with a message that names the setting.
 * The app's modules are imported here, not above: lib/env.ts throws at import on a bad value.
 */
export async function prepareProcess(): Promise<void> {
  const { env } = await import("@/lib/env");
  const { getDb } = await import("@/db");
  const { loadAppSecret } = await import("./app-secret");
  await loadAppSecret(await getDb(), { configured: env.APP_SECRET, dataDir: env.DATA_DIR });
}
