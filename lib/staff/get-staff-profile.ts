import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { StaffProfile } from "./schemas";

export const staffProfileColumns = {
  id: staffUsers.id,
  email: staffUsers.email,
  name: staffUsers.name,
  role: staffUsers.role,
  locale: staffUsers.locale,
  available: staffUsers.available,
};

/** A staff member's own account and preferences. */
export async function getStaffProfile(userId: string): Promise<StaffProfile> {
  const db = await getDb();
  const [profile] = await db.select(staffProfileColumns).from(staffUsers).where(eq(staffUsers.id, userId));
  if (!profile) throw new AppError("not_found", `Staff account ${userId} does not exist`);
  return profile;
}
