import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { MessageList } from "@/components/conversation/message-list";
import { AddAttachments } from "@/components/tickets/add-attachments";
import { AttachmentGallery } from "@/components/tickets/attachment-gallery";
import { RequesterReply, ResolutionQuestion, SatisfactionQuestion } from "@/components/tickets/requester-conversation";
import { RoleBadge, StatusBadge } from "@/components/tickets/status-badge";
import { StatusSteps } from "@/components/tickets/status-steps";
import { TicketTimeline } from "@/components/tickets/ticket-timeline";
import { buttonClasses } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { shownAttachmentLimits } from "@/lib/attachments/shown-limits";
import { isTrackingKeyValid } from "@/lib/auth/tracking";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { localeOfTag } from "@/lib/i18n/locales";
import { categoryLabel } from "@/lib/tickets/categories";
import { getTicketOrThrow, parseTicketId } from "@/lib/tickets/get-ticket";
import { listMessages } from "@/lib/tickets/list-messages";
import { listTicketEvents } from "@/lib/tickets/list-ticket-events";
import { ticketSeenBy } from "@/lib/tickets/serialize";

// The key is in the address: no Referer may carry it to another site, and no search engine may keep it. Not
// "no-referrer": that also sends `Origin: null` on our own POSTs, and Next.js refuses the language switch's server action.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("yourTicket"), referrer: "same-origin", robots: { index: false, follow: false } };
}

/** Who did it, in the requester's words (listTicketEvents already hides who exactly on staff's side). */
const ACTORS = ["requester", "staff", "system"] as const;
const isActor = (actor: string): actor is (typeof ACTORS)[number] => (ACTORS as readonly string[]).includes(actor);

/** The requester's private page. A missing or wrong key is a 404, exactly like an unknown ticket. */
export default async function TrackTicketPage({ params, searchParams }: PageProps<"/support/tickets/[id]">) {
  const [{ id }, { key }] = await Promise.all([params, searchParams]);
  const ticketId = parseTicketId(id);
  if (ticketId === null || typeof key !== "string" || !(await isTrackingKeyValid(ticketId, key))) notFound();
  const requester = { kind: "requester", ticketId } as const;
  const ticket = await getTicketOrThrow(ticketId).then(
    (found) => ticketSeenBy(found.ticket, requester),
    (error: unknown) => {
      if (error instanceof AppError && error.code === "not_found") notFound();
      throw error;
    },
  );
  const [messages, t, tConversation, tStatus, locale, limits] = await Promise.all([
    listMessages(ticketId, requester),
    getTranslations("TrackTicket"),
    getTranslations("RequesterConversation"),
    getTranslations("Status"),
    getLocale(),
    shownAttachmentLimits(),
  ]);
  // The conversation above shows each reply; its "reply added" history entry would only repeat it.
  const events = (await listTicketEvents(ticketId, requester)).filter((event) => event.type !== "message_added").map((event) => ({
    ...event,
    actor: isActor(event.actor) ? t(`actor.${event.actor}`) : event.actor,
  }));
  const category = await categoryLabel(ticket.category, localeOfTag(locale));

  return (
    // The files' and the conversation's client components say their own words; the times are in the reader's time zone.
    <NextIntlClientProvider messages={await clientMessages("Attachments", "Conversation", "RequesterConversation")}>
      <main className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:py-12">
        <div>
          <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("eyebrow")}</p>
          <h1 className="mt-1 text-3xl font-bold text-brand-800">{t("heading", { id: ticket.id })}</h1>
          <p className="mt-2 text-lg">{ticket.subject}</p>
          <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-muted">
            <StatusBadge status={ticket.status} />
            <RoleBadge role={ticket.roleContext} />
            <span>{category}</span>
            <span aria-hidden="true">·</span>
            <span>
              {t.rich("filed", { time: () => <LocalTime dateTime={ticket.createdAt} options={{ dateStyle: "long", timeStyle: "short" }} /> })}
            </span>
          </p>
        </div>

        <section aria-labelledby="status-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="status-heading" className="mb-4 font-semibold">
            {t("statusHeading", { status: tStatus(ticket.status) })}
          </h2>
          <StatusSteps status={ticket.status} />
        </section>

        {ticket.status === "resolved" && <ResolutionQuestion ticketId={ticket.id} trackingKey={key} />}
        <section aria-labelledby="conversation-heading" className="space-y-4">
          <h2 id="conversation-heading" className="text-lg font-semibold">
            {tConversation("heading")}
          </h2>
          <MessageList messages={messages} viewer="requester" trackingKey={key} />
          {ticket.status === "closed" ? (
            <div className="space-y-4">
              <SatisfactionQuestion ticketId={ticket.id} trackingKey={key} rated={ticket.satisfaction !== null} />
              <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <p>{tConversation("closed.explain")}</p>
                <a href={`/support/new?about=${ticket.id}`} className={`${buttonClasses("secondary")} mt-3`}>
                  {tConversation("closed.newTicket")}
                </a>
              </div>
            </div>
          ) : (
            ticket.status !== "resolved" && (
              <div className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <RequesterReply ticketId={ticket.id} trackingKey={key} limits={limits} />
              </div>
            )
          )}
        </section>

        <section aria-labelledby="files-heading" className="space-y-4 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="files-heading" className="font-semibold">
            {t("filesHeading")}
          </h2>
          <AttachmentGallery attachments={ticket.attachments} trackingKey={key} />
          {ticket.status === "closed" ? (
            <p className="text-muted">{t("closedNoFiles")}</p>
          ) : (
            <AddAttachments
              ticketId={ticket.id}
              trackingKey={key}
              limits={limits}
              room={limits.maxFilesPerTicket - ticket.attachments.length}
            />
          )}
        </section>

        <section aria-labelledby="history-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <h2 id="history-heading" className="mb-4 font-semibold">
            {t("historyHeading")}
          </h2>
          <TicketTimeline events={events} />
        </section>
      </main>
    </NextIntlClientProvider>
  );
}
