"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { UpdateTicketInput } from "@/lib/tickets/schemas";
import { TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/tickets/workflow";
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
  const apply = useMutation({
    mutationFn: (changes: UpdateTicketInput) => bulkUpdateTickets(selected, changes),
    onSuccess: ({ results }) => {
      onDone(results.filter((result) => result.status === 200).map((result) => result.id));
      void queryClient.invalidateQueries({ queryKey: ["tickets"] });
    },
  });
  const failed = apply.data?.results.filter((result) => result.status !== 200) ?? [];
  const busy = apply.isPending || selected.length === 0;

  return (
    <section ref={ref} tabIndex={-1} aria-labelledby="bulk-heading" className="flex flex-wrap items-center gap-3 rounded-lg border border-brand-300 bg-brand-50 px-3 py-2">
      <h2 id="bulk-heading" className="text-sm font-semibold">
        {selected.length > 0 ? t("selected", { count: selected.length }) : t("none")}
      </h2>
      <Button variant="secondary" disabled={busy} onClick={() => apply.mutate({ assigneeId: staffId })}>
        {t("assignToMe")}
      </Button>
      <ChooseAndApply
        id="bulk-priority"
        label={t("priority")}
        options={TICKET_PRIORITIES.map((value) => ({ value, label: tPriority(value) }))}
        initial="high"
        action={t("setPriority")}
        disabled={busy}
        onApply={(priority) => apply.mutate({ priority })}
      />
      <ChooseAndApply
        id="bulk-status"
        label={t("moveTo")}
        options={TICKET_STATUSES.map((value) => ({ value, label: tStatus(value) }))}
        initial="in_progress"
        action={t("move")}
        disabled={busy}
        onApply={(status) => apply.mutate({ status })}
      />
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

/** A select and the button that applies its choice. */
function ChooseAndApply<Value extends string>({
  id,
  label,
  options,
  initial,
  action,
  disabled,
  onApply,
}: {
  id: string;
  label: string;
  options: Array<{ value: Value; label: string }>;
  initial: Value;
  action: string;
  disabled: boolean;
  onApply: (value: Value) => void;
}) {
  const [value, setValue] = useState(initial);
  return (
    <span className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm">
        {label}
      </label>
      <select id={id} value={value} onChange={(event) => setValue(event.currentTarget.value as Value)} className={selectClasses}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <Button variant="secondary" disabled={disabled} onClick={() => onApply(value)}>
        {action}
      </Button>
    </span>
  );
}
