import type { Metadata } from "next";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { TicketForm } from "@/components/tickets/ticket-form";
import { attachmentPolicy } from "@/lib/attachments/policy";
import { listCategories } from "@/lib/tickets/categories";
import { parseTicketId } from "@/lib/tickets/get-ticket";

export const metadata: Metadata = {
  title: "Submit a ticket",
  description: "Tell the Kinconecta support team what went wrong; we answer tourists and guides alike.",
};

export default async function NewTicketPage({ searchParams }: PageProps<"/support/new">) {
  // The categories are configured in the database, so the page renders per request.
  await connection();
  const categories = await listCategories();
  // "Open a new ticket about this" on a closed ticket's page links here with ?about=<id>; only the number is shown.
  const { about } = await searchParams;
  const aboutId = typeof about === "string" ? parseTicketId(about) : null;
  const subject = aboutId === null ? undefined : (await getTranslations("RequesterConversation"))("closed.aboutSubject", { id: aboutId });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-bold text-brand-800">Submit a ticket</h1>
      <p className="mt-2 text-muted">
        Tell us what happened. You get a ticket number and a private link to follow it; no account needed.
      </p>
      <div className="mt-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <TicketForm categories={categories} limits={attachmentPolicy} subject={subject} />
      </div>
    </main>
  );
}
