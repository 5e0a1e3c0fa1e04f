import "server-only";
import { randomBytes } from "node:crypto";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import { createStaffAccount } from "./create-staff-account";

export const FIRST_ADMIN_EMAIL = "admin@kinconecta.local";

/**
 * On a database with no staff account yet, creates an admin with a random password and returns its
 * credentials (for the server log, once); returns null when staff accounts already exist.
 */
export async function ensureFirstAdmin(): Promise<{ email: string; password: string } | null> {
  const db = await getDb();
  const [existing] = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  if (existing) return null;
  const password = randomBytes(12).toString("base64url");
  try {
    await createStaffAccount({ email: FIRST_ADMIN_EMAIL, password, name: "Admin", role: "admin" });
  } catch (error) {
    // Another instance starting at the same moment may have created it first.
    const [created] = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
    if (created) return null;
    throw error;
  }
  return { email: FIRST_ADMIN_EMAIL, password };
}
