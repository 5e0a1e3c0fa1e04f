import "server-only";
import { AppError, validationError } from "@/lib/errors";
import { getStaffAuth } from "@/lib/auth/staff-auth";
import { type CreateStaffAccountInput, createStaffAccountInput, type StaffAccount } from "./schemas";

/** Creates a staff account that signs in with email and password (hashed with better-auth's scrypt). */
export async function createStaffAccount(input: CreateStaffAccountInput): Promise<StaffAccount> {
  const { email, password, name, role } = createStaffAccountInput.parse(input);
  const auth = await getStaffAuth();
  const context = await auth.$context;
  if (await context.internalAdapter.findUserByEmail(email)) {
    throw validationError("email", `A staff account for ${email} already exists`);
  }
  const hash = await context.password.hash(password);
  const user = await context.internalAdapter.createUser({
    email,
    name: name ?? email.split("@")[0]!,
    emailVerified: true,
    role,
    disabled: false,
  }, { method: "admin" });
  if (!user) throw new AppError("unavailable", "The account could not be created; try again");
  await context.internalAdapter.linkAccount({ providerId: "credential", accountId: user.id, userId: user.id, password: hash });
  return { id: user.id, email, name: user.name, role, disabled: false, createdAt: user.createdAt.toISOString() };
}
