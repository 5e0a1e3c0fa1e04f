import { STATUS_LABELS, TICKET_STATUSES, type TicketStatus } from "@/lib/tickets/workflow";

const HINTS: Record<TicketStatus, string> = {
  open: "We have your ticket",
  in_progress: "Someone is working on it",
  resolved: "We believe it is solved",
  closed: "Nothing more to do",
};

/** The workflow as steps (open → in progress → resolved → closed), with the ticket's place in it. */
export function StatusSteps({ status }: { status: TicketStatus }) {
  const current = TICKET_STATUSES.indexOf(status);
  return (
    <ol aria-label="Progress" className="grid grid-cols-4 gap-2">
      {TICKET_STATUSES.map((step, index) => {
        const state = index < current ? "done" : index === current ? "current" : "upcoming";
        return (
          <li key={step} aria-current={state === "current" ? "step" : undefined} className="flex flex-col gap-2">
            <span
              className={`h-2 rounded-full ${state === "upcoming" ? "bg-slate-300" : "bg-brand-600"} ${
                state === "current" ? "ring-2 ring-brand-600 ring-offset-2" : ""
              }`}
            />
            <span className={`text-sm ${state === "current" ? "font-bold text-brand-800" : "font-medium"}`}>
              {STATUS_LABELS[step]}
              {state === "done" && <span className="sr-only"> (done)</span>}
              {state === "current" && <span className="sr-only"> (current)</span>}
            </span>
            <span className="hidden text-xs text-muted sm:block">{HINTS[step]}</span>
          </li>
        );
      })}
    </ol>
  );
}
