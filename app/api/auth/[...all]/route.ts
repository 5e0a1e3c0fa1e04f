import { getStaffAuth } from "@/lib/auth/staff-auth";

// GET|POST /api/auth/* – better-auth's own endpoints: sign-in/email, sign-out, get-session
async function handleAuth(request: Request): Promise<Response> {
  return (await getStaffAuth()).handler(request);
}

export { handleAuth as GET, handleAuth as POST };
