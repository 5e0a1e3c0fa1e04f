import { pingDb } from "@/db";
import { withProblems } from "@/lib/http/handler";
import { problemResponse } from "@/lib/http/problem";

// GET /api/health – 200 when the app and its database answer, 503 otherwise
export const GET = withProblems(async () => {
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
});
