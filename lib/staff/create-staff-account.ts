import "server-only";
import { getDb } from "@/db";
import { staffAccounts, staffUsers } from "@/db/schema";
import { type AuditOrigin, recordAudit } from "@/lib/audit/record-audit";
import { getStaffAuth } from "@/lib/auth/staff-auth";
import { validationError } from "@/lib/errors";
import { assertPasswordNotCommon } from "./common-passwords";
import { type CreateStaffAccountInput, createStaffAccountInput, type StaffAccount } from "./schemas";

/**
 * Creates a staff account that signs in with email and password (hashed with better-auth's scrypt): the
 * user, its password and the audit entry in one transaction. The first admin's generated password must be
 * changed at first sign-in.
 */
export async function createStaffAccount(
  input: CreateStaffAccountInput,
  origin: AuditOrigin,
  { firstAdmin = false }: { firstAdmin?: boolean } = {},
): Promise<StaffAccount> {
  const { email, password, name, role } = createStaffAccountInput.parse(input);
  assertPasswordNotCommon("password", password);
  const context = await (await getStaffAuth()).$context;
  const hash = await context.password.hash(password);
  const id = String(context.generateId({ model: "user" }));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(staffUsers)
      .values({ id, email, name: name ?? email.split("@")[0]!, emailVerified: true, role, mustChangePassword: firstAdmin })
      .onConflictDoNothing({ target: staffUsers.email })
      .returning();
    if (!user) throw validationError("email", `A staff account for ${email} already exists`);
    await tx.insert(staffAccounts).values({
      id: String(context.generateId({ model: "account" })),
      providerId: "credential",
      accountId: id,
      userId: id,
      password: hash,
    });
    await recordAudit(tx, origin, {
      action: firstAdmin ? "first_admin.created" : "staff_account.created",
      target: `staff_account:${id}`,
      detail: { email, role },
    });
    return { id, email, name: user.name, role, disabled: false, available: false, openTicketCap: null, createdAt: user.createdAt.toISOString() };
  });
}
