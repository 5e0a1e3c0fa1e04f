import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/staff/sign-in-form";
import { findStaffActor } from "@/lib/auth/staff-session";

export const metadata: Metadata = { title: "Staff sign-in" };

export default async function StaffLoginPage() {
  if (await findStaffActor(await headers())) redirect("/staff");
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <h1 className="text-2xl font-bold text-brand-800">Staff sign-in</h1>
      <p className="mt-2 text-muted">For Kinconecta support agents.</p>
      <SignInForm />
    </main>
  );
}
