import { useTranslations } from "next-intl";
import { TICKET_STATUSES, type TicketStatus } from "@/lib/tickets/workflow";

/** The workflow as steps (open → in progress → resolved → closed), with the ticket's place in it. */
export function StatusSteps({ status }: { status: TicketStatus }) {
  const t = useTranslations("StatusSteps");
  const tStatus = useTranslations("Status");
  const current = TICKET_STATUSES.indexOf(status);
  return (
    <ol aria-label={t("label")} className="grid grid-cols-4 gap-2">
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
              {tStatus(step)}
              {state === "done" && <span className="sr-only"> {t("done")}</span>}
              {state === "current" && <span className="sr-only"> {t("current")}</span>}
            </span>
            <span className="hidden text-xs text-muted sm:block">{t(`hint.${step}`)}</span>
          </li>
        );
      })}
    </ol>
  );
}
