import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { staffProfileColumns } from "./get-staff-profile";
import type { StaffProfile, UpdateStaffProfileInput } from "./schemas";

/** Changes a staff member's own preferences: the desk's language (null follows the browser again) and whether round robin gives them new tickets. */
export async function updateStaffProfile(userId: string, changes: UpdateStaffProfileInput): Promise<StaffProfile> {
  const db = await getDb();
  const [profile] = await db
    .update(staffUsers)
    .set({ locale: changes.locale, available: changes.available, updatedAt: new Date() })
    .where(eq(staffUsers.id, userId))
    .returning(staffProfileColumns);
  if (!profile) throw new AppError("not_found", `Staff account ${userId} does not exist`);
  return profile;
}
