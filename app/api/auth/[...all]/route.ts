import { getStaffAuth } from "@/lib/auth/staff-auth";
import { defineRoute } from "@/lib/http/define-route";
import { limitSignIn } from "@/lib/http/rate-limit";

// GET /api/auth/* – better-auth's own endpoints (get-session)
export const GET = defineRoute({ access: ["public"] }, async ({ request }) => (await getStaffAuth()).handler(request));

// POST /api/auth/* – sign-in/email (after spending the account's and address's sign-in budget), sign-out
export const POST = defineRoute({ access: ["public"] }, async ({ request }) => {
  if (new URL(request.url).pathname.endsWith("/sign-in/email")) {
    const { email } = (await request
      .clone()
      .json()
      .catch(() => ({}))) as { email?: unknown };
    await limitSignIn(request, typeof email === "string" ? email : "");
  }
  return (await getStaffAuth()).handler(request);
});
