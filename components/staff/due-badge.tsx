"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useShortDuration } from "@/components/tickets/ticket-age";
import type { Ticket } from "@/lib/tickets/schemas";

/** A deadline closer than this is "due soon". */
const DUE_SOON_MS = 60 * 60 * 1000;

/** The ticket's next service-level deadline as of `now`: late (red), due within the hour (amber), or how long is left. */
export function DueBadge({ sla, now }: { sla: Ticket["sla"]; now: number }) {
  const t = useTranslations("StaffQueue.due");
  const format = useFormatter();
  const duration = useShortDuration();
  const deadlines = [
    { target: "firstReply" as const, at: sla.firstReplyDueAt },
    { target: "resolution" as const, at: sla.resolutionDueAt },
  ].filter((deadline): deadline is { target: "firstReply" | "resolution"; at: string } => deadline.at !== null);
  const next = deadlines.sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
  if (!next) return <span className="text-muted">{t("none")}</span>;

  const left = Date.parse(next.at) - now;
  const tone = left <= 0 ? "bg-red-100 text-red-900" : left <= DUE_SOON_MS ? "bg-amber-100 text-amber-900" : "";
  const text = left <= 0 ? t("late", { time: duration(-left / 1000) }) : t("in", { time: duration(left / 1000) });
  return (
    <time
      dateTime={next.at}
      title={`${t(next.target)}: ${format.dateTime(new Date(next.at), { dateStyle: "medium", timeStyle: "short" })}`}
      className={`rounded-full ${tone ? `px-2 py-0.5 text-xs font-semibold ${tone}` : ""}`}
      suppressHydrationWarning
    >
      {text}
      <span className="sr-only"> ({t(next.target)})</span>
    </time>
  );
}
