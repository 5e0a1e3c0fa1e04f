// npm run token:create -- <name>   Prints the new API token alone on the last line of stdout.
import { runCommand } from "./run-command";

const name = process.argv.slice(2).join(" ").trim();
if (!name) {
  console.error("Usage: npm run token:create -- <name>");
  process.exit(2);
}

await runCommand(async () => {
  const { CLI_ORIGIN } = await import("@/lib/audit/record-audit");
  const { createApiToken } = await import("@/lib/auth/api-tokens");
  const created = await createApiToken(name, CLI_ORIGIN);
  console.log(`Created API token #${created.id} "${created.name}". It is shown once; store it now:`);
  console.log(created.token);
});
