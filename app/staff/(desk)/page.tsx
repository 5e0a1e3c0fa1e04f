import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { parseQueueParams, queueSearch } from "@/components/staff/queue-params";
import { staffQueries } from "@/components/staff/staff-api";
import { TicketQueue } from "@/components/staff/ticket-queue";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { AppError } from "@/lib/errors";
import { localeOfTag } from "@/lib/i18n/locales";
import { categoryLabels, listCategoryOptions } from "@/lib/tickets/categories";
import { countTicketsByStatus } from "@/lib/tickets/count-tickets-by-status";
import { listTickets } from "@/lib/tickets/list-tickets";
import { listTicketsQuery } from "@/lib/tickets/schemas";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("StaffQueue"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The first page is rendered here and handed to React Query, which then keeps it fresh through the API.
export default async function QueuePage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const params = parseQueueParams(await searchParams);
  const query = listTicketsQuery.parse({ ...params, status: [params.status], priority: params.priority && [params.priority] });
  const locale = localeOfTag(await getLocale());
  const [page, counts, categories, labels] = await Promise.all([
    listTickets(query, staff).catch((error: unknown) => {
      if (error instanceof AppError && params.cursor) return null; // a cursor from another sort
      throw error;
    }),
    countTicketsByStatus(),
    listCategoryOptions(locale),
    categoryLabels(locale),
  ]);
  if (!page) redirect(`/staff?${queueSearch({ ...params, cursor: undefined })}`);

  const queryClient = new QueryClient();
  queryClient.setQueryData(staffQueries.queue(params).queryKey, page);
  queryClient.setQueryData(staffQueries.counts().queryKey, counts);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <HydrationBoundary state={dehydrate(queryClient)}>
        <TicketQueue params={params} categories={categories} categoryLabels={labels} staffId={staff.userId} />
      </HydrationBoundary>
    </main>
  );
}
