import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { CHANGE_PASSWORD_PAGE, findStaffPageSession } from "@/lib/auth/staff-page";

export const metadata: Metadata = { title: "Staff sign-in" };

export default async function StaffLoginPage() {
  const session = await findStaffPageSession();
  if (session) redirect(session.mustChangePassword ? CHANGE_PASSWORD_PAGE : "/staff");
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-800">Staff sign-in</h1>
      <p className="mt-2 text-muted">For Kinconecta support agents.</p>
      <SignInForm />
    </main>
  );
}
