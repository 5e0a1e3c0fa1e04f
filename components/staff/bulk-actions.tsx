"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { UpdateTicketInput } from "@/lib/tickets/schemas";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from "@/lib/tickets/workflow";
import { bulkUpdateTickets } from "./staff-api";

const selectClasses = "rounded-lg border border-slate-400 bg-white px-2 py-1";

/**
 * What agents do to the queue's selected rows: take them, set their priority, or move them. One request
 * (`POST /api/support-tickets/bulk-update`); each ticket is judged on its own, and those that could not take the
 * change stay selected with the reason.
 */
export function BulkActions({
  ref,
  selected,
  staffId,
  onDone,
  onClear,
}: {
  ref: React.Ref<HTMLElement>;
  selected: number[];
  staffId: string;
  /** The tickets that took the change (they leave the selection). */
  onDone: (changed: number[]) => void;
  onClear: () => void;
}) {
  const t = useTranslations("StaffQueue.bulk");
  const tStatus = useTranslations("Status");
  const tPriority = useTranslations("Priority");
  const queryClient = useQueryClient();
  const [priority, setPriority] = useState<TicketPriority>("high");
  const [status, setStatus] = useState<TicketStatus>("in_progress");
  const apply = useMutation({
    mutationFn: (changes: UpdateTicketInput) => bulkUpdateTickets(selected, changes),
    onSuccess: ({ results }) => {
      onDone(results.filter((result) => result.status === 200).map((result) => result.id));
      void queryClient.invalidateQueries({ queryKey: ["tickets"] });
    },
  });
  const failed = apply.data?.results.filter((result) => result.status !== 200) ?? [];

  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="bulk-heading" className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-300 bg-brand-50 px-3 py-2">
      <h2 id="bulk-heading" className="text-sm font-semibold">
        {selected.length > 0 ? t("selected", { count: selected.length }) : t("none")}
      </h2>
      <Button variant="secondary" disabled={apply.isPending || selected.length === 0} onClick={() => apply.mutate({ assigneeId: staffId })}>
        {t("assignToMe")}
      </Button>
      <span className="flex items-center gap-2">
        <label htmlFor="bulk-priority" className="text-sm">
          {t("priority")}
        </label>
        <select id="bulk-priority" value={priority} onChange={(event) => setPriority(event.currentTarget.value as TicketPriority)} className={selectClasses}>
          {TICKET_PRIORITIES.map((value) => (
            <option key={value} value={value}>
              {tPriority(value)}
            </option>
          ))}
        </select>
        <Button variant="secondary" disabled={apply.isPending || selected.length === 0} onClick={() => apply.mutate({ priority })}>
          {t("setPriority")}
        </Button>
      </span>
      <span className="flex items-center gap-2">
        <label htmlFor="bulk-status" className="text-sm">
          {t("moveTo")}
        </label>
        <select id="bulk-status" value={status} onChange={(event) => setStatus(event.currentTarget.value as TicketStatus)} className={selectClasses}>
          {TICKET_STATUSES.map((value) => (
            <option key={value} value={value}>
              {tStatus(value)}
            </option>
          ))}
        </select>
        <Button variant="secondary" disabled={apply.isPending || selected.length === 0} onClick={() => apply.mutate({ status })}>
          {t("move")}
        </Button>
      </span>
      <Button variant="secondary" disabled={selected.length === 0} onClick={onClear}>
        {t("clear")}
      </Button>
      {apply.data && (
        <p role="status" className="w-full text-sm">
          {t("done", { changed: apply.data.results.length - failed.length, failed: failed.length })}
        </p>
      )}
      {(failed.length > 0 || apply.error) && (
        <ul role="alert" className="w-full list-disc pl-5 text-sm text-red-800">
          {apply.error && <li>{apply.error.message}</li>}
          {failed.map((result) => (
            <li key={result.id}>{t("failedOne", { id: result.id, reason: result.problem?.detail ?? String(result.status) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
