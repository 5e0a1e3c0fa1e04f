import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import { SYSTEM_ORIGIN } from "@/lib/audit/record-audit";
import { env } from "@/lib/env";
import { writeFileAtomically } from "@/lib/server/write-file-atomically";
import { createStaffAccount } from "./create-staff-account";

export const FIRST_ADMIN_EMAIL = "admin@kinconecta.local";

/** Where the first admin's generated password is kept (owner-only) until that admin chooses its own. */
export function firstAdminPasswordFile(): string {
  return path.resolve(env.DATA_DIR, "first-admin-password");
}

/**
 * On a database with no staff account yet, creates an admin with a random password that must be changed at
 * first sign-in, writes the password to `firstAdminPasswordFile()` (never to the log) and returns the email
 * and that file's path; returns null when staff accounts already exist.
 */
export async function ensureFirstAdmin(): Promise<{ email: string; passwordFile: string } | null> {
  const db = await getDb();
  const [existing] = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  if (existing) return null;
  const password = randomBytes(18).toString("base64url");
  try {
    await createStaffAccount(
      { email: FIRST_ADMIN_EMAIL, password, name: "Admin", role: "admin" },
      SYSTEM_ORIGIN,
      { firstAdmin: true },
    );
  } catch (error) {
    // Another instance starting at the same moment may have created it first (and written its own file).
    const [created] = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
    if (created) return null;
    throw error;
  }
  // Should this fail, the start fails saying why; `npm run staff:create -- <email> --admin` then makes an admin.
  const passwordFile = firstAdminPasswordFile();
  await mkdir(path.dirname(passwordFile), { recursive: true });
  await writeFileAtomically(passwordFile, `${password}\n`);
  return { email: FIRST_ADMIN_EMAIL, passwordFile };
}

/** Deletes the generated password's file once the first admin has chosen a password of its own. */
export async function removeFirstAdminPasswordFile(): Promise<void> {
  await rm(firstAdminPasswordFile(), { force: true });
}
