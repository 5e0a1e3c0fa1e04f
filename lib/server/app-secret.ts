import "server-only";
import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { Database } from "@/db";
import { appSettings } from "@/db/schema";

const SETTING_KEY = "app_secret";
const MIN_LENGTH = 32;

// Loaded once at start; shared on globalThis because Next.js bundles each entry point separately.
const globalForSecret = globalThis as unknown as { kinconectaAppSecret?: string };

/** The key that signs sessions and private tracking links, loaded at start by loadAppSecret(). */
export function appSecret(): string {
  const secret = globalForSecret.kinconectaAppSecret;
  if (!secret) {
    throw new Error("The app secret was used before it was loaded: prepareProcess() (lib/server/prepare-process.ts) loads it at start");
  }
  return secret;
}

export async function loadAppSecret(db: Database, settings: AppSecretSettings): Promise<void> {
  globalForSecret.kinconectaAppSecret = await resolveAppSecret(db, settings);
}

export interface AppSecretSettings {
  /** APP_SECRET, when given (lib/env.ts checks its length). */
  configured?: string;
  dataDir: string;
}

/**
 * `APP_SECRET` when given; otherwise the secret kept in the `app_settings` table, where every instance
 * finds it. The first instance to start stores it, race-free: each offers a candidate that is inserted
 * only if none exists, then all read the one stored. The candidate is the `DATA_DIR/app-secret` file an
 * earlier version kept, so its tracking links keep working, or else a new random key.
 */
export async function resolveAppSecret(db: Database, { configured, dataDir }: AppSecretSettings): Promise<string> {
  if (configured) return configured;
  let stored = await readStoredSecret(db);
  if (stored === undefined) {
    const candidate = (await readLegacySecretFile(dataDir)) ?? randomBytes(32).toString("base64url");
    await db.insert(appSettings).values({ key: SETTING_KEY, value: candidate }).onConflictDoNothing();
    stored = (await readStoredSecret(db))!;
  }
  if (stored.length < MIN_LENGTH) {
    throw new Error(
      `APP_SECRET: not set, and the secret stored in the database (table app_settings, key "${SETTING_KEY}") is shorter ` +
        `than ${MIN_LENGTH} characters. Set APP_SECRET, or store a longer secret there (e.g. openssl rand -base64 32).`,
    );
  }
  return stored;
}

async function readStoredSecret(db: Database): Promise<string | undefined> {
  const [row] = await db.select({ value: appSettings.value }).from(appSettings).where(eq(appSettings.key, SETTING_KEY));
  return row?.value;
}

async function readLegacySecretFile(dataDir: string): Promise<string | undefined> {
  const file = path.resolve(dataDir, "app-secret");
  let content: string;
  try {
    content = (await readFile(file, "utf8")).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if (content.length < MIN_LENGTH) {
    throw new Error(
      `APP_SECRET: not set, and ${file} (the secret an earlier version kept) holds fewer than ${MIN_LENGTH} characters, ` +
        "e.g. after an interrupted write. Restore it from a backup, set APP_SECRET, or delete the file to start with " +
        "a new secret (existing tracking links then stop working).",
    );
  }
  return content;
}
