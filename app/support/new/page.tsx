import type { Metadata } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import { TicketForm } from "@/components/tickets/ticket-form";
import { shownAttachmentLimits } from "@/lib/attachments/shown-limits";
import { clientMessages } from "@/lib/i18n/client-messages";
import { PageStrings } from "@/lib/i18n/page-strings";
import { localeOfTag } from "@/lib/i18n/locales";
import { listCategoryOptions } from "@/lib/tickets/categories";
import { parseTicketId } from "@/lib/tickets/get-ticket";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Metadata");
  return { title: t("newTicket"), description: t("newTicketDescription") };
}

export default async function NewTicketPage({ searchParams }: PageProps<"/support/new">) {
  // The categories are configured in the database, so the page renders per request.
  await connection();
  const [t, locale] = await Promise.all([getTranslations("NewTicket"), getLocale()]);
  const [categories, limits] = await Promise.all([listCategoryOptions(localeOfTag(locale)), shownAttachmentLimits()]);
  // "Open a new ticket about this" on a closed ticket's page links here with ?about=<id>; only the number is shown.
  const { about } = await searchParams;
  const aboutId = typeof about === "string" ? parseTicketId(about) : null;
  const subject = aboutId === null ? undefined : (await getTranslations("RequesterConversation"))("closed.aboutSubject", { id: aboutId });
  return (
    <main className="mx-auto max-w-3xl px-4 py-8 sm:py-12">
      <h1 className="text-3xl font-bold text-brand-800">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      <div className="mt-6 rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:p-8">
        {/* Only the strings the form and its confirmation say reach the browser. */}
        <PageStrings locale={locale} messages={await clientMessages("TicketForm", "Validation", "Created", "Role")}>
          <TicketForm categories={categories} limits={limits} subject={subject} />
        </PageStrings>
      </div>
    </main>
  );
}
