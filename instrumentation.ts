// Runs once when a server starts, before it takes requests: validate the environment, take the
// embedded database (refusing if another process holds it) and apply migrations.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server/start");
  await startServer();
}
