import Link from "next/link";
import { BackForwardGuard } from "@/components/staff/back-forward-guard";
import { QueryProvider } from "@/components/staff/query-provider";
import { SignOutButton } from "@/components/staff/sign-out-button";
import { requireStaffPage } from "@/lib/auth/staff-page";

export default async function StaffDeskLayout({ children }: { children: React.ReactNode }) {
  const staff = await requireStaffPage();
  return (
    <QueryProvider>
      <BackForwardGuard />
      <header className="border-b border-slate-300 bg-white">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-4 px-4 py-2">
          <Link href="/staff" className="font-bold text-brand-800">
            Kinconecta Support
          </Link>
          <nav aria-label="Staff" className="flex gap-4 text-sm">
            <Link href="/staff" className="underline-offset-4 hover:underline">
              Queue
            </Link>
            {staff.role === "admin" && (
              <Link href="/staff/admin" className="underline-offset-4 hover:underline">
                Admin
              </Link>
            )}
          </nav>
          <span className="ml-auto text-sm text-muted">
            {staff.email} ({staff.role})
          </span>
          <SignOutButton />
        </div>
      </header>
      {children}
    </QueryProvider>
  );
}
