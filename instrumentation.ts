// Runs once per server process before it takes requests: server.mjs awaits it before listening (and
// exits naming the setting when it fails); Next.js calls it again itself, which then does nothing new.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startServer } = await import("@/lib/server/start");
  await startServer();
}
