"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import type { StaffAccount } from "@/lib/staff/schemas";
import { staffFetch } from "./staff-api";

const ACCOUNTS_KEY = ["admin", "staff-accounts"] as const;
const fieldClasses = "mt-1 block rounded-lg border border-slate-400 bg-white px-3 py-2";

export function AdminStaffAccounts({ currentUserId }: { currentUserId: string }) {
  const queryClient = useQueryClient();
  const accounts = useQuery({
    queryKey: ACCOUNTS_KEY,
    queryFn: async () => (await (await staffFetch("/api/admin/staff-accounts")).json()) as StaffAccount[],
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
  const create = useMutation({
    mutationFn: (body: Record<string, FormDataEntryValue | null>) =>
      staffFetch("/api/admin/staff-accounts", { method: "POST", body: JSON.stringify(body) }),
    onSuccess: refresh,
  });
  const disable = useMutation({
    mutationFn: (id: string) => staffFetch(`/api/admin/staff-accounts/${id}/disable`, { method: "POST" }),
    onSettled: refresh,
  });

  return (
    <section aria-labelledby="accounts-heading" className="space-y-4">
      <h2 id="accounts-heading" className="text-xl font-bold">Staff accounts</h2>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          create.mutate(
            { email: data.get("email"), password: data.get("password"), role: data.get("role") },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <div>
          <label htmlFor="account-email" className="text-sm font-semibold">New account email</label>
          <input id="account-email" name="email" type="email" required className={fieldClasses} />
        </div>
        <div>
          <label htmlFor="account-password" className="text-sm font-semibold">Initial password</label>
          <input id="account-password" name="password" type="password" required minLength={10} autoComplete="new-password" className={fieldClasses} />
        </div>
        <div>
          <label htmlFor="account-role" className="text-sm font-semibold">Role</label>
          <select id="account-role" name="role" className={fieldClasses}>
            <option value="agent">Agent</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <Button type="submit" disabled={create.isPending}>Create account</Button>
      </form>
      {create.error && <p role="alert" className="text-sm text-red-800">{create.error.message}</p>}
      {disable.error && <p role="alert" className="text-sm text-red-800">{disable.error.message}</p>}
      <table className="w-full rounded-lg border border-slate-300 bg-white text-left text-sm">
        <caption className="sr-only">Staff accounts</caption>
        <thead className="bg-sand-100">
          <tr>
            <th scope="col" className="px-3 py-2">Email</th>
            <th scope="col" className="px-3 py-2">Role</th>
            <th scope="col" className="px-3 py-2">State</th>
          </tr>
        </thead>
        <tbody>
          {accounts.data?.map((account) => (
            <tr key={account.id} className="border-t border-slate-200">
              <td className="px-3 py-2">{account.email}</td>
              <td className="px-3 py-2">{account.role === "admin" ? "Admin" : "Agent"}</td>
              <td className="px-3 py-2">
                {account.disabled ? (
                  "Disabled"
                ) : account.id === currentUserId ? (
                  "Active (you)"
                ) : (
                  <Button variant="danger" disabled={disable.isPending} onClick={() => disable.mutate(account.id)} aria-label={`Disable ${account.email}`}>
                    Disable
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
