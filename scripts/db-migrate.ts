// npm run db:migrate   Applies pending migrations (the server also does this when it starts).
import { runCommand } from "./run-command";

await runCommand(async () => {
  console.log("Migrations are applied.");
});
