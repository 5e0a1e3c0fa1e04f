"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type CreatedApiToken, STAFF_LIMITS } from "@/lib/staff/schemas";
import { adminFieldClasses, AdminSection, AdminTable, RowAction } from "./admin-section";
import { createApiToken, fetchApiTokens, revokeApiToken } from "./staff-api";

const TOKENS_KEY = ["admin", "api-tokens"] as const;

export function AdminTokens() {
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
      title="API tokens"
      createLabel="Create token"
      pending={create.isPending}
      errors={[create.error, revoke.error]}
      onCreate={(data, reset) => create.mutate(String(data.get("name") ?? ""), { onSuccess: reset })}
      fields={
        <div>
          <label htmlFor="token-name" className="text-sm font-semibold">
            Token name
          </label>
          <input id="token-name" name="name" required maxLength={STAFF_LIMITS.apiTokenName} className={adminFieldClasses} />
        </div>
      }
    >
      {created && (
        <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">Token “{created.name}” created. Copy it now: it is not shown again.</p>
          <output aria-label="New API token" className="mt-2 block break-all font-mono">
            {created.token}
          </output>
        </div>
      )}
      <AdminTable caption="API tokens" columns={["Name", "Created", "Last used", "State"]}>
          {tokens.data?.map((token) => (
            <tr key={token.id} className="border-t border-slate-200">
              <td className="px-3 py-2">{token.name}</td>
              <td className="px-3 py-2">{token.createdAt.slice(0, 10)}</td>
              <td className="px-3 py-2">{token.lastUsedAt?.slice(0, 16).replace("T", " ") ?? "never"}</td>
              <td className="px-3 py-2">
                {token.revokedAt ? (
                  "Revoked"
                ) : (
                  <RowAction action="Revoke" target={token.name} pending={revoke.isPending} onClick={() => revoke.mutate(token.id)} />
                )}
              </td>
            </tr>
          ))}
      </AdminTable>
    </AdminSection>
  );
}
