import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/staff/change-password-form";
import { findStaffPageSession } from "@/lib/auth/staff-page";

export const metadata: Metadata = { title: "Change your password" };

// Outside the desk layout: an account with a generated password is sent here from every staff page.
export default async function ChangePasswordPage() {
  const session = await findStaffPageSession();
  if (!session) redirect("/staff/login");
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-800">Change your password</h1>
      <p className="mt-2 text-muted">
        {session.mustChangePassword
          ? `${session.actor.email} signed in with a generated password. Choose your own to use the desk.`
          : `Signed in as ${session.actor.email}.`}
      </p>
      <ChangePasswordForm />
    </main>
  );
}
