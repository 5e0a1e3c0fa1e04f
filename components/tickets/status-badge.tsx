import { useTranslations } from "next-intl";
import type { RoleContext, TicketPriority, TicketStatus } from "@/lib/tickets/workflow";

const STATUS_STYLES: Record<TicketStatus, string> = {
  open: "bg-sky-100 text-sky-900",
  in_progress: "bg-amber-100 text-amber-900",
  resolved: "bg-emerald-100 text-emerald-900",
  closed: "bg-slate-200 text-slate-800",
};

export function StatusBadge({ status }: { status: TicketStatus }) {
  const t = useTranslations("Status");
  return (
    <span className={`inline-flex rounded-full px-2.5 py-0.5 text-xs font-semibold ${STATUS_STYLES[status]}`}>
      {t(status)}
    </span>
  );
}

const ROLE_STYLES: Record<RoleContext, string> = {
  tourist: "bg-violet-100 text-violet-900",
  guide: "bg-orange-100 text-orange-900",
};

export function RoleBadge({ role }: { role: RoleContext }) {
  const t = useTranslations("Role");
  return (
    <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${ROLE_STYLES[role]}`}>
      {t(role)}
    </span>
  );
}

const PRIORITY_STYLES: Record<Exclude<TicketPriority, "normal">, string> = {
  low: "bg-slate-100 text-slate-800",
  high: "bg-orange-100 text-orange-900",
  urgent: "bg-red-700 text-white",
};

/** A ticket's priority, for staff; nothing for `normal`, the common case. */
export function PriorityBadge({ priority }: { priority: TicketPriority }) {
  const t = useTranslations("Priority");
  if (priority === "normal") return null;
  return (
    <span className={`ml-2 inline-flex rounded-full px-2 py-0.5 text-xs font-semibold whitespace-nowrap ${PRIORITY_STYLES[priority]}`}>
      {t(priority)}
    </span>
  );
}
