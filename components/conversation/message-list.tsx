import { useTranslations } from "next-intl";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { LocalTime } from "@/components/ui/local-time";
import type { Message } from "@/lib/tickets/message-schemas";
import type { TicketEvent } from "@/lib/tickets/schemas";
import { MessageAttachments } from "./message-attachments";
import { MessageBody } from "./message-body";

type Entry = { type: "message"; message: Message } | { type: "history"; events: TicketEvent[] };

/** Messages and history in one line, oldest first; the history between two messages stays together. */
function conversationEntries(messages: Message[], events: TicketEvent[]): Entry[] {
  const dated = [
    ...messages.map((message) => ({ at: message.createdAt, message })),
    // A message's own "added" event would only repeat the message beside it.
    ...events.filter((event) => event.type !== "message_added").map((event) => ({ at: event.createdAt, event })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const entries: Entry[] = [];
  for (const item of dated) {
    const previous = entries.at(-1);
    if ("message" in item) entries.push({ type: "message", message: item.message });
    else if (previous?.type === "history") previous.events.push(item.event);
    else entries.push({ type: "history", events: [item.event] });
  }
  return entries;
}

function NoteIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 shrink-0 fill-current">
      <path d="M10 1a5 5 0 0 0-5 5v3H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-8a1 1 0 0 0-1-1h-1V6a5 5 0 0 0-5-5Zm3 8H7V6a3 3 0 1 1 6 0v3Z" />
    </svg>
  );
}

/**
 * A ticket's conversation. Staff see internal notes (unmistakably marked) and, with `events`, the history
 * between the messages; the requester's page gets only replies from the domain and passes its tracking key for files.
 */
export function MessageList({
  messages,
  events = [],
  viewer,
  trackingKey,
}: {
  messages: Message[];
  events?: TicketEvent[];
  viewer: "staff" | "requester";
  trackingKey?: string;
}) {
  const t = useTranslations("Conversation");
  const entries = conversationEntries(messages, events);
  return (
    <ol aria-label={t("list.label")} className="space-y-4">
      {entries.map((entry) => {
        if (entry.type === "history") {
          return (
            <li key={`history-${entry.events[0]!.id}`} aria-label={t("list.history")} className="px-2 text-sm">
              <TicketTimeline events={entry.events} />
            </li>
          );
        }
        const { message } = entry;
        const note = message.kind === "note";
        const fromRequester = message.author.type === "requester";
        const own = fromRequester && viewer === "requester";
        return (
          <li
            key={`message-${message.id}`}
            className={`rounded-xl p-4 ring-1 ${
              note
                ? "border-l-8 border-amber-500 bg-amber-50 ring-amber-300"
                : fromRequester
                  ? "bg-white ring-slate-300"
                  : "bg-brand-50 ring-brand-100 sm:ml-8"
            }`}
          >
            {note && (
              <p className="mb-2 flex items-center gap-1.5 text-sm font-bold text-amber-900">
                <NoteIcon />
                {t("note.label")}
              </p>
            )}
            <p className="mb-2 flex flex-wrap items-baseline gap-x-2 text-sm">
              <span className="font-semibold">{own ? t("author.you") : message.author.name}</span>
              {!own && <span className="text-muted">{t(`author.${message.author.type}`)}</span>}
              <span className="text-muted">
                <LocalTime dateTime={message.createdAt} />
              </span>
              {message.channel === "email" && <span className="text-muted">{t("email.channel")}</span>}
              {message.originalEmailUrl && (
                <a href={message.originalEmailUrl} className="font-medium text-brand-700 underline">
                  {t("email.original")}
                </a>
              )}
            </p>
            <MessageBody body={message.body} />
            <MessageAttachments attachments={message.attachments} trackingKey={trackingKey} />
            {message.refusedAttachments.length > 0 && (
              <div className="mt-3 rounded-lg bg-amber-50 p-3 text-sm ring-1 ring-amber-300">
                <p className="font-semibold text-amber-900">{t("email.refused")}</p>
                <ul className="mt-1 list-disc pl-5">
                  {message.refusedAttachments.map((file, index) => (
                    <li key={`${index}-${file.fileName}`}>{file.reason}</li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
