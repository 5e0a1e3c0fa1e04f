import type { TicketEvent } from "@/lib/tickets/schemas";
import { STATUS_LABELS, type TicketStatus } from "@/lib/tickets/workflow";

const statusLabel = (value: string | null) => STATUS_LABELS[value as TicketStatus] ?? value ?? "";

function describe(event: TicketEvent): string {
  switch (event.type) {
    case "created":
      return "Ticket filed";
    case "status_changed":
      return `${statusLabel(event.fromValue)} → ${statusLabel(event.toValue)}`;
    case "category_changed":
      return `Category: ${event.fromValue} → ${event.toValue}`;
    case "attachment_added":
      return `Attachment added: ${event.toValue}`;
    case "notification_sent":
      return `Email sent: ${event.toValue}`;
    case "notification_failed":
      return `Email failed: ${event.toValue}`;
    case "message_added":
      return event.toValue === "note" ? "Internal note added" : "Reply added";
    case "resolution_confirmed":
      return "The requester confirmed the fix";
    case "resolution_rejected":
      return "The requester said it is not fixed";
    case "satisfaction_rated":
      return `Rated ${event.toValue} of 5`;
  }
}

/** A ticket's history, oldest first: what happened, who did it, when (UTC). */
export function TicketTimeline({ events }: { events: TicketEvent[] }) {
  return (
    <ol className="space-y-3 border-l-2 border-brand-100 pl-4">
      {events.map((event) => (
        <li key={event.id}>
          <p className="font-medium">{describe(event)}</p>
          <p className="text-xs text-muted">
            {event.actor} ·{" "}
            <time dateTime={event.createdAt}>{event.createdAt.replace("T", " ").slice(0, 16)} UTC</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
