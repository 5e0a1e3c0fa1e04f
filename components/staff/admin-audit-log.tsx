"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { AdminTable } from "./admin-section";
import { fetchAuditLogPage } from "./staff-api";

/** Admin actions and failed sign-ins, newest first, with older pages on request. */
export function AdminAuditLog() {
  const log = useInfiniteQuery({
    queryKey: ["admin", "audit-log"],
    queryFn: ({ pageParam }) => fetchAuditLogPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });
  return (
    <section aria-labelledby="audit-heading" className="space-y-4">
      <h2 id="audit-heading" className="text-xl font-bold">
        Audit log
      </h2>
      {log.error && (
        <p role="alert" className="text-sm text-red-800">
          {log.error.message}
        </p>
      )}
      <AdminTable caption="Audit log" columns={["When", "Action", "By", "Target", "Address"]}>
        {log.data?.pages.flatMap((page) =>
          page.entries.map((entry) => (
            <tr key={entry.id} className="border-t border-slate-200">
              <td className="px-3 py-2">{entry.createdAt.slice(0, 19).replace("T", " ")}</td>
              <td className="px-3 py-2">{entry.action}</td>
              <td className="px-3 py-2 break-all">{entry.actor}</td>
              <td className="px-3 py-2 break-all">{entry.target ?? ""}</td>
              <td className="px-3 py-2">{entry.ipAddress ?? ""}</td>
            </tr>
          )),
        )}
      </AdminTable>
      {log.hasNextPage && (
        <Button variant="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Older entries
        </Button>
      )}
    </section>
  );
}
