// npm run staff:create -- <email> [--admin]   The password is read from standard input (not echoed on a terminal).
import { assertPasswordNotCommon } from "@/lib/staff/common-passwords";
import { createStaffAccountInput } from "@/lib/staff/schemas";
import { readPassword } from "./read-password";
import { runCommand } from "./run-command";

const args = process.argv.slice(2);
const [email, passwordArgument, ...rest] = args.filter((arg) => arg !== "--admin");
if (!email || rest.length > 0) {
  console.error("Usage: npm run staff:create -- <email> [--admin]   (the password is read from standard input)");
  process.exit(2);
}
if (passwordArgument) {
  console.error("Warning: a password on the command line is visible to other users (ps) and kept in shell history; leave it out to be asked for it.");
}
const password = passwordArgument ?? (await readPassword(`Password for ${email}: `));
// Checked before the database is opened, so a typo gets a one-line answer.
const input = createStaffAccountInput.safeParse({ email, password, role: args.includes("--admin") ? "admin" : "agent" });
if (!input.success) {
  for (const issue of input.error.issues) console.error(issue.message);
  process.exit(2);
}
try {
  assertPasswordNotCommon("password", input.data.password);
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

await runCommand(async () => {
  const { CLI_ORIGIN } = await import("@/lib/audit/record-audit");
  const { createStaffAccount } = await import("@/lib/staff/create-staff-account");
  const account = await createStaffAccount(input.data, CLI_ORIGIN);
  console.log(`Created ${account.role} account ${account.email}.`);
});
