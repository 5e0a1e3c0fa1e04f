"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { type CreatedApiToken, STAFF_LIMITS } from "@/lib/staff/schemas";
import { adminFieldClasses, AdminSection, AdminTable, RowAction } from "./admin-section";
import { createApiToken, fetchApiTokens, revokeApiToken } from "./staff-api";

const TOKENS_KEY = ["admin", "api-tokens"] as const;

export function AdminTokens() {
  const t = useTranslations("StaffAdmin.tokens");
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: fetchApiTokens });
  const refresh = () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
  const create = useMutation({
    mutationFn: createApiToken,
    onSuccess: (token) => {
      setCreated(token);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: revokeApiToken,
    onSettled: refresh,
  });

  return (
    <AdminSection
      headingId="tokens-heading"
      title={t("title")}
      createLabel={t("create")}
      pending={create.isPending}
      errors={[create.error, revoke.error]}
      onCreate={(data, reset) => create.mutate(String(data.get("name") ?? ""), { onSuccess: reset })}
      fields={
        <div>
          <label htmlFor="token-name" className="text-sm font-semibold">
            {t("name")}
          </label>
          <input id="token-name" name="name" required maxLength={STAFF_LIMITS.apiTokenName} className={adminFieldClasses} />
        </div>
      }
    >
      {created && (
        <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">{t("created", { name: created.name })}</p>
          <output aria-label={t("newToken")} className="mt-2 block break-all font-mono">
            {created.token}
          </output>
        </div>
      )}
      <AdminTable
        caption={t("title")}
        columns={[t("columns.name"), t("columns.created"), t("columns.lastUsed"), t("columns.state")]}
      >
          {tokens.data?.map((token) => (
            <tr key={token.id} className="border-t border-slate-200">
              <td className="px-3 py-2">{token.name}</td>
              <td className="px-3 py-2">
                <LocalTime dateTime={token.createdAt} options={{ dateStyle: "medium" }} />
              </td>
              <td className="px-3 py-2">{token.lastUsedAt ? <LocalTime dateTime={token.lastUsedAt} /> : t("never")}</td>
              <td className="px-3 py-2">
                {token.revokedAt ? (
                  t("revoked")
                ) : (
                  <RowAction action={t("revoke")} target={token.name} pending={revoke.isPending} onClick={() => revoke.mutate(token.id)} />
                )}
              </td>
            </tr>
          ))}
      </AdminTable>
    </AdminSection>
  );
}
