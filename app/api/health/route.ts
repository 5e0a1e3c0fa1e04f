import { pingDb } from "@/db";
import { defineRoute } from "@/lib/http/define-route";
import { problemResponse } from "@/lib/http/problem";

// GET /api/health – 200 when the app and its database answer, 503 otherwise
export const GET = defineRoute(
  { access: ["public"], limit: { off: "load balancers and monitors poll it from few addresses; it costs one `select 1`" } },
  async () => {
    try {
      await pingDb();
      return Response.json({ status: "ok", database: "ok" }, { headers: { "cache-control": "no-store" } });
    } catch (error) {
      console.error("Health check failed", error);
      return problemResponse(
        { type: "/problems/unavailable", title: "Service Unavailable", status: 503, detail: "The database is not answering" },
        { "cache-control": "no-store" },
      );
    }
  },
);
