import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { TicketEvent } from "@/lib/tickets/schemas";
import { TICKET_PRIORITIES, TICKET_STATUSES, type TicketPriority, type TicketStatus } from "@/lib/tickets/workflow";

const isStatus = (value: string | null): value is TicketStatus => (TICKET_STATUSES as readonly (string | null)[]).includes(value);
const isPriority = (value: string | null): value is TicketPriority => (TICKET_PRIORITIES as readonly (string | null)[]).includes(value);

/** A ticket's history, oldest first: what happened, who did it, when (in the reader's time zone). */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  const t = useTranslations("Timeline");
  const tStatus = useTranslations("Status");
  const tPriority = useTranslations("Priority");
  const statusLabel = (value: string | null) => (isStatus(value) ? tStatus(value) : (value ?? ""));
  const priorityLabel = (value: string | null) => (isPriority(value) ? tPriority(value) : (value ?? ""));

  function describe(event: TicketEvent): string {
    switch (event.type) {
      case "created":
        return t("created");
      case "status_changed":
        return t("statusChanged", { from: statusLabel(event.fromValue), to: statusLabel(event.toValue) });
      case "category_changed":
        return t("categoryChanged", { from: event.fromValue ?? "", to: event.toValue ?? "" });
      case "attachment_added":
        return t("attachmentAdded", { name: event.toValue ?? "" });
      case "notification_sent":
        return t("notificationSent", { subject: event.toValue ?? "" });
      case "notification_failed":
        return t("notificationFailed", { subject: event.toValue ?? "" });
      case "message_added":
        return event.toValue === "note" ? t("noteAdded") : t("replyAdded");
      case "resolution_confirmed":
        return t("resolutionConfirmed");
      case "resolution_rejected":
        return t("resolutionRejected");
      case "satisfaction_rated":
        return t("satisfactionRated", { rating: event.toValue ?? "" });
      case "priority_changed":
        return t("priorityChanged", { from: priorityLabel(event.fromValue), to: priorityLabel(event.toValue) });
      case "assignee_changed":
        return event.toValue === null ? t("unassigned", { from: event.fromValue ?? "" }) : t("assigned", { to: event.toValue });
      case "sla_breached":
        return event.toValue === "first_reply" ? t("firstReplyBreached") : t("resolutionBreached");
    }
  }

  return (
    <ol className="space-y-3 border-l-2 border-brand-100 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <p className="font-medium">{describe(event)}</p>
          <p className="text-xs text-muted">
            {event.actor} · <LocalTime dateTime={event.createdAt} />
          </p>
        </li>
      ))}
    </ol>
  );
}
