import "server-only";
import { asc } from "drizzle-orm";
import { getDb } from "@/db";
import { staffUsers } from "@/db/schema";
import type { StaffAccount } from "./schemas";

export async function listStaffAccounts(): Promise<StaffAccount[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: staffUsers.id,
      email: staffUsers.email,
      name: staffUsers.name,
      role: staffUsers.role,
      disabled: staffUsers.disabled,
      createdAt: staffUsers.createdAt,
    })
    .from(staffUsers)
    .orderBy(asc(staffUsers.email));
  return rows.map((row) => ({ ...row, createdAt: row.createdAt.toISOString() }));
}
