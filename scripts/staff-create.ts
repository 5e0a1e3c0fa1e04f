// npm run staff:create -- <email> <password> [--admin]
import { createStaffAccount } from "@/lib/staff/create-staff-account";
import { runCommand } from "./run-command";

const args = process.argv.slice(2);
const admin = args.includes("--admin");
const [email, password, ...rest] = args.filter((arg) => arg !== "--admin");
if (!email || !password || rest.length > 0) {
  console.error("Usage: npm run staff:create -- <email> <password> [--admin]");
  process.exit(2);
}

await runCommand(async () => {
  const account = await createStaffAccount({ email, password, role: admin ? "admin" : "agent" });
  console.log(`Created ${account.role} account ${account.email}.`);
});
