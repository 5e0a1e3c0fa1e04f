"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { STAFF_ROLES } from "@/lib/auth/actor";
import { MAX_OPEN_TICKET_CAP, STAFF_LIMITS, STAFF_PASSWORD } from "@/lib/staff/schemas";
import { adminFieldClasses, AdminSection, AdminTable, RowAction } from "./admin-section";
import { createStaffAccount, disableStaffAccount, fetchStaffAccounts, setOpenTicketCap } from "./staff-api";

const ACCOUNTS_KEY = ["admin", "staff-accounts"] as const;

export function AdminStaffAccounts({ currentUserId }: { currentUserId: string }) {
  const t = useTranslations("StaffAdmin.accounts");
  const queryClient = useQueryClient();
  const accounts = useQuery({ queryKey: ACCOUNTS_KEY, queryFn: fetchStaffAccounts });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY });
  const create = useMutation({ mutationFn: createStaffAccount, onSuccess: refresh });
  const disable = useMutation({ mutationFn: disableStaffAccount, onSettled: refresh });
  const cap = useMutation({ mutationFn: ({ id, value }: { id: string; value: number | null }) => setOpenTicketCap(id, value), onSettled: refresh });

  return (
    <AdminSection
      headingId="accounts-heading"
      title={t("title")}
      createLabel={t("create")}
      pending={create.isPending}
      errors={[create.error, disable.error, cap.error]}
      onCreate={(data, reset) =>
        create.mutate(
          {
            email: String(data.get("email")),
            password: String(data.get("password")),
            role: data.get("role") === "admin" ? "admin" : "agent",
          },
          { onSuccess: reset },
        )
      }
      fields={
        <>
          <div>
            <label htmlFor="account-email" className="text-sm font-semibold">
              {t("email")}
            </label>
            <input
              id="account-email"
              name="email"
              type="email"
              required
              maxLength={STAFF_LIMITS.email}
              className={adminFieldClasses}
            />
          </div>
          <div>
            <label htmlFor="account-password" className="text-sm font-semibold">
              {t("password")}
            </label>
            <input
              id="account-password"
              name="password"
              type="password"
              required
              minLength={STAFF_PASSWORD.min}
              maxLength={STAFF_PASSWORD.max}
              autoComplete="new-password"
              className={adminFieldClasses}
            />
          </div>
          <div>
            <label htmlFor="account-role" className="text-sm font-semibold">
              {t("role")}
            </label>
            <select id="account-role" name="role" className={adminFieldClasses}>
              {STAFF_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`roles.${role}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      }
    >
      <AdminTable
        caption={t("title")}
        columns={[t("columns.email"), t("columns.role"), t("columns.roundRobin"), t("columns.cap"), t("columns.state")]}
      >
          {accounts.data?.map((account) => (
            <tr key={account.id} className="border-t border-slate-200">
              <td className="px-3 py-2">{account.email}</td>
              <td className="px-3 py-2">{t(`roles.${account.role}`)}</td>
              <td className="px-3 py-2">{account.available ? t("available") : t("notAvailable")}</td>
              <td className="px-3 py-2">
                {/* Empty is no limit; the agents themselves say whether they take tickets. */}
                <form
                  className="flex items-center gap-2"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const value = String(new FormData(event.currentTarget).get("cap")).trim();
                    cap.mutate({ id: account.id, value: value === "" ? null : Number(value) });
                  }}
                >
                  <input
                    name="cap"
                    type="number"
                    min={1}
                    max={MAX_OPEN_TICKET_CAP}
                    defaultValue={account.openTicketCap ?? ""}
                    key={account.openTicketCap ?? "none"}
                    placeholder={t("noCap")}
                    aria-label={t("capFor", { email: account.email })}
                    className="w-24 rounded-lg border border-slate-400 bg-white px-2 py-1"
                  />
                  <Button type="submit" variant="secondary" disabled={cap.isPending} aria-label={t("setCapFor", { email: account.email })}>
                    {t("setCap")}
                  </Button>
                </form>
              </td>
              <td className="px-3 py-2">
                {account.disabled ? (
                  t("disabled")
                ) : account.id === currentUserId ? (
                  t("you")
                ) : (
                  <RowAction action={t("disable")} target={account.email} pending={disable.isPending} onClick={() => disable.mutate(account.id)} />
                )}
              </td>
            </tr>
          ))}
      </AdminTable>
    </AdminSection>
  );
}
