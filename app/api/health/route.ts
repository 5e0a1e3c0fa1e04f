import { pingDb } from "@/db";
import { defineRoute } from "@/lib/http/define-route";
import { problemResponse } from "@/lib/http/problem";
import { mailboxHealth } from "@/lib/inbound-email/mailbox-health";

// GET /api/health – 200 when the app and its database answer (`degraded` when a side service such as the mailbox does not), 503 otherwise
export const GET = defineRoute(
  { access: ["public"], limit: { off: "load balancers and monitors poll it from few addresses; it costs one `select 1`" } },
  async () => {
    try {
      await pingDb();
    } catch (error) {
      console.error("Health check failed", error);
      return problemResponse(
        { type: "/problems/unavailable", title: "Service Unavailable", status: 503, detail: "The database is not answering" },
        { "cache-control": "no-store" },
      );
    }
    // A mailbox outage delays email in but the desk still serves: the instance stays in the load balancer.
    const mailbox = mailboxHealth();
    return Response.json(
      { status: mailbox?.status === "degraded" ? "degraded" : "ok", database: "ok", ...(mailbox && { mailbox }) },
      { headers: { "cache-control": "no-store" } },
    );
  },
);
