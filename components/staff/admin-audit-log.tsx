"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { AdminTable } from "./admin-section";
import { fetchAuditLogPage } from "./staff-api";

/** Admin actions and failed sign-ins, newest first, with older pages on request. */
export function AdminAuditLog() {
  const t = useTranslations("StaffAdmin.audit");
  const log = useInfiniteQuery({
    queryKey: ["admin", "audit-log"],
    queryFn: ({ pageParam }) => fetchAuditLogPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <h2 id="audit-heading" className="text-xl font-bold">
        {t("title")}
      </h2>
      {log.error && (
        <p role="alert" className="text-sm text-red-800">
          {log.error.message}
        </p>
      )}
      <AdminTable
        caption={t("title")}
        columns={[t("columns.when"), t("columns.action"), t("columns.by"), t("columns.target"), t("columns.address")]}
      >
        {log.data?.pages.flatMap((page) =>
          page.entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200">
              <td className="px-3 py-2">
                <LocalTime dateTime={entry.createdAt} options={{ dateStyle: "medium", timeStyle: "medium" }} />
              </td>
              <td className="px-3 py-2">{t(`actions.${entry.action}`)}</td>
              <td className="px-3 py-2 break-all">{entry.actor}</td>
              <td className="px-3 py-2 break-all">{entry.target ?? ""}</td>
              <td className="px-3 py-2">{entry.ipAddress ?? ""}</td>
            </tr>
          )),
        )}
      </AdminTable>
      {log.hasNextPage && (
        <Button variant="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t("older")}
        </Button>
      )}
    </section>
  );
}
