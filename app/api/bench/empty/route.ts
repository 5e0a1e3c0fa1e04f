import { defineRoute } from "@/lib/http/define-route";

// GET /api/bench/empty – the framework's own ceiling for `npm run bench`, through the same route definition as
// every endpoint. Answers 404 unless the server was started with BENCH_ROUTES=1, so production exposes nothing.
export const GET = defineRoute(
  { access: ["public"], limit: { off: "it does nothing, and exists only while benchmarking" } },
  async () => (process.env.BENCH_ROUTES === "1" ? Response.json({ ok: true }) : new Response(null, { status: 404 })),
);
