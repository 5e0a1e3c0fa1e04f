import { dehydrate, HydrationBoundary, QueryClient } from "@tanstack/react-query";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NextIntlClientProvider } from "next-intl";
import { parseQueueParams, queueSearch } from "@/components/staff/queue-params";
import { staffQueries } from "@/components/staff/staff-api";
import { TicketQueue } from "@/components/staff/ticket-queue";
import { requireStaffPage } from "@/lib/auth/staff-page";
import { AppError } from "@/lib/errors";
import { clientMessages } from "@/lib/i18n/client-messages";
import { listCategories } from "@/lib/tickets/categories";
import { countTicketsByStatus } from "@/lib/tickets/count-tickets-by-status";
import { listTickets } from "@/lib/tickets/list-tickets";
import { listTicketsQuery } from "@/lib/tickets/schemas";

export const metadata: Metadata = { title: "Ticket queue" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The first page is rendered here and handed to React Query, which then keeps it fresh through the API.
export default async function QueuePage({ searchParams }: Props) {
  await requireStaffPage();
  const params = parseQueueParams(await searchParams);
  const query = listTicketsQuery.parse({ ...params, status: [params.status] });
  const [page, counts, categories] = await Promise.all([
    listTickets(query).catch((error: unknown) => {
      if (error instanceof AppError && params.cursor) return null; // a cursor from another sort
      throw error;
    }),
    countTicketsByStatus(),
    listCategories(),
  ]);
  if (!page) redirect(`/staff?${queueSearch({ ...params, cursor: undefined })}`);

  const queryClient = new QueryClient();
  queryClient.setQueryData(staffQueries.queue(params).queryKey, page);
  queryClient.setQueryData(staffQueries.counts().queryKey, counts);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <NextIntlClientProvider messages={await clientMessages("NeedsReply")}>
        <HydrationBoundary state={dehydrate(queryClient)}>
          <TicketQueue params={params} categories={categories} />
        </HydrationBoundary>
      </NextIntlClientProvider>
    </main>
  );
}
