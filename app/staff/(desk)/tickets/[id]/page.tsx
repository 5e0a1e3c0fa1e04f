import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { staffQueries } from "@/components/staff/staff-api";
import { TicketView } from "@/components/staff/ticket-view";
import { shownAttachmentLimits } from "@/lib/attachments/shown-limits";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { etag } from "@/lib/http/ticket-responses";
import { AppError } from "@/lib/errors";
import { localeOfTag } from "@/lib/i18n/locales";
import { categoryLabels } from "@/lib/tickets/categories";
import { getTicketOrThrow, parseTicketId } from "@/lib/tickets/get-ticket";
import { listMessages } from "@/lib/tickets/list-messages";
import { listTicketEvents } from "@/lib/tickets/list-ticket-events";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: (await getTranslations("StaffTicket"))("title", { id: (await params).id }) };
}

export default async function TicketPage({ params }: Props) {
  const staff = await requireStaffPage();
  const id = parseTicketId((await params).id);
  if (id === null) notFound();
  const loaded = await getTicketOrThrow(id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const queryClient = new QueryClient();
  queryClient.setQueryData(staffQueries.ticket(id).queryKey, { ticket: loaded.ticket, etag: etag(loaded.version) });
  queryClient.setQueryData(staffQueries.events(id).queryKey, await listTicketEvents(id, staff));
  queryClient.setQueryData(staffQueries.messages(id).queryKey, await listMessages(id, staff));
  const [labels, limits] = await Promise.all([categoryLabels(localeOfTag(await getLocale())), shownAttachmentLimits()]);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TicketView id={id} limits={limits} categoryLabels={labels} staffId={staff.userId} />
      </HydrationBoundary>
    </main>
  );
}
