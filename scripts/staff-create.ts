// npm run staff:create -- <email> <password> [--admin]
import { createStaffAccountInput } from "@/lib/staff/schemas";
import { runCommand } from "./run-command";

const args = process.argv.slice(2);
const [email, password, ...rest] = args.filter((arg) => arg !== "--admin");
if (!email || !password || rest.length > 0) {
  console.error("Usage: npm run staff:create -- <email> <password> [--admin]");
  process.exit(2);
}
// Checked before the database is opened, so a typo gets a one-line answer.
const input = createStaffAccountInput.safeParse({ email, password, role: args.includes("--admin") ? "admin" : "agent" });
if (!input.success) {
  for (const issue of input.error.issues) console.error(issue.message);
  process.exit(2);
}

await runCommand(async () => {
  const { createStaffAccount } = await import("@/lib/staff/create-staff-account");
  const account = await createStaffAccount(input.data);
  console.log(`Created ${account.role} account ${account.email}.`);
});
