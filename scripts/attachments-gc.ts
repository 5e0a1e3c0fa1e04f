// npm run attachments:gc [-- --min-age-minutes 60]   Deletes stored attachment files that no row references
// (left by a crash between storing a file and committing its row) from the configured storage.
import { runCommand } from "./run-command";

const flag = process.argv.indexOf("--min-age-minutes");
const minAgeMinutes = flag === -1 ? 60 : Number(process.argv[flag + 1]);
if (!Number.isFinite(minAgeMinutes) || minAgeMinutes < 0) {
  console.error("Usage: npm run attachments:gc -- [--min-age-minutes <minutes, default 60>]");
  process.exit(2);
}

await runCommand(async () => {
  const { deleteOrphanedFiles } = await import("@/lib/attachments/delete-orphaned-files");
  const { attachmentStorage } = await import("@/lib/attachments/storage");
  const sweep = await deleteOrphanedFiles(minAgeMinutes * 60_000);
  console.log(
    `Checked ${sweep.checked} file(s) on ${attachmentStorage().name} storage older than ${minAgeMinutes} min; ` +
      `deleted ${sweep.deleted.length} orphan(s) and ${sweep.stagingFilesDeleted} stale staging file(s).`,
  );
  for (const key of sweep.deleted) console.log(`  deleted ${key}`);
});
