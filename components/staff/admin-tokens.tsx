"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ApiTokenSummary } from "@/lib/auth/api-tokens";
import { staffFetch } from "./staff-api";

const TOKENS_KEY = ["admin", "api-tokens"] as const;

export function AdminTokens() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const tokens = useQuery({
    queryKey: TOKENS_KEY,
    queryFn: async () => (await (await staffFetch("/api/admin/api-tokens")).json()) as ApiTokenSummary[],
  });
  const create = useMutation({
    mutationFn: async (name: string) =>
      (await (await staffFetch("/api/admin/api-tokens", { method: "POST", body: JSON.stringify({ name }) })).json()) as {
        name: string;
        token: string;
      },
    onSuccess: (token) => {
      setCreated(token);
      void queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: number) => staffFetch(`/api/admin/api-tokens/${id}`, { method: "DELETE" }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: TOKENS_KEY }),
  });

  return (
    <section aria-labelledby="tokens-heading" className="space-y-4">
      <h2 id="tokens-heading" className="text-xl font-bold">API tokens</h2>
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          create.mutate(String(new FormData(form).get("name") ?? ""), { onSuccess: () => form.reset() });
        }}
      >
        <div>
          <label htmlFor="token-name" className="text-sm font-semibold">Token name</label>
          <input id="token-name" name="name" required maxLength={100} className="mt-1 block rounded-lg border border-slate-400 bg-white px-3 py-2" />
        </div>
        <Button type="submit" disabled={create.isPending}>Create token</Button>
      </form>
      {create.error && <p role="alert" className="text-sm text-red-800">{create.error.message}</p>}
      {created && (
        <div role="status" className="rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm">
          <p className="font-semibold">Token “{created.name}” created. Copy it now: it is not shown again.</p>
          <output aria-label="New API token" className="mt-2 block break-all font-mono">{created.token}</output>
        </div>
      )}
      <table className="w-full rounded-lg border border-slate-300 bg-white text-left text-sm">
        <caption className="sr-only">API tokens</caption>
        <thead className="bg-sand-100">
          <tr>
            <th scope="col" className="px-3 py-2">Name</th>
            <th scope="col" className="px-3 py-2">Created</th>
            <th scope="col" className="px-3 py-2">Last used</th>
            <th scope="col" className="px-3 py-2">State</th>
          </tr>
        </thead>
        <tbody>
          {tokens.data?.map((token) => (
            <tr key={token.id} className="border-t border-slate-200">
              <td className="px-3 py-2">{token.name}</td>
              <td className="px-3 py-2">{token.createdAt.slice(0, 10)}</td>
              <td className="px-3 py-2">{token.lastUsedAt?.slice(0, 16).replace("T", " ") ?? "never"}</td>
              <td className="px-3 py-2">
                {token.revokedAt ? (
                  "Revoked"
                ) : (
                  <Button variant="danger" disabled={revoke.isPending} onClick={() => revoke.mutate(token.id)} aria-label={`Revoke ${token.name}`}>
                    Revoke
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
