// npm run bench:seed -- <n>   Adds realistic tickets until the database the app would use holds n.
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import { getDb } from "@/db";
import { env } from "@/lib/env";
import { countBusinessHours } from "@/lib/reports/business-hours";
import { runCommand } from "@/scripts/run-command";
import { pgliteTarget, postgresTarget, seedTickets } from "./seed-tickets";

const total = Number(process.argv[2]?.replaceAll("_", ""));
if (!Number.isInteger(total) || total < 1) {
  console.error("Usage: npm run bench:seed -- <number of tickets>, e.g. npm run bench:seed -- 1000000");
  process.exit(2);
}

await runCommand(async () => {
  const client = ((await getDb()) as unknown as { $client: Sql | PGlite }).$client;
  const target = env.DATABASE_URL ? postgresTarget(client as Sql) : pgliteTarget(client as PGlite);
  const started = Date.now();
  const result = await seedTickets(target, total, (loaded) => {
    if (process.stdout.isTTY) process.stdout.write(`\r${loaded.toLocaleString("en")} / ${total.toLocaleString("en")} tickets`);
  });
  if (process.stdout.isTTY) process.stdout.write("\n");
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(
    result.added
      ? `Added ${result.added} tickets in ${seconds} s; the database holds ${result.total}.`
      : `The database already holds ${result.total} tickets; nothing added.`,
  );
  // What the servers' business-hours job would do over the first minutes, done now so that a benchmark started next
  // measures a desk whose job has caught up, not the job.
  const counting = Date.now();
  const counted = await countBusinessHours();
  await target.analyze();
  console.log(`Counted the business hours of ${counted} tickets in ${((Date.now() - counting) / 1000).toFixed(1)} s.`);
});
