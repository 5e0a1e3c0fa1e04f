import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

let cached: string | undefined;

/**
 * The key that signs sessions and private tracking links. `APP_SECRET` in production; on the embedded
 * defaults a random one is made once and kept in DATA_DIR, so links keep working across restarts.
 */
export function appSecret(): string {
  if (cached) return cached;
  if (env.APP_SECRET) return (cached = env.APP_SECRET);
  const file = path.resolve(env.DATA_DIR, "app-secret");
  try {
    cached = readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(env.DATA_DIR, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    try {
      writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
      cached = secret;
    } catch {
      cached = readFileSync(file, "utf8").trim(); // another process wrote it first
    }
  }
  return cached;
}
