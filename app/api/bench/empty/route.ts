// GET /api/bench/empty – does nothing: the framework's own ceiling for `npm run bench`.
// Answers 404 unless the server was started with BENCH_ROUTES=1, so production exposes nothing.
export function GET(): Response {
  if (process.env.BENCH_ROUTES !== "1") return new Response(null, { status: 404 });
  return Response.json({ ok: true });
}
