"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { usePageStrings } from "@/lib/i18n/page-strings";
import type { CreatedTicket } from "@/lib/tickets/schemas";

/** The confirmation: the ticket number, what was sent, and the private link to follow it. */
export function TicketCreated({
  ticket,
  categoryLabel,
  onAnother,
}: {
  ticket: CreatedTicket;
  categoryLabel: string;
  onAnother: () => void;
}) {
  const t = usePageStrings("Created");
  const tRole = usePageStrings("Role");
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  // Move focus to the news, so keyboard and screen reader users hear it at once.
  useEffect(() => heading.current?.focus(), []);

  async function copyLink() {
    try {
      await navigator.clipboard.writeText(ticket.trackingUrl);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section aria-labelledby="ticket-created" className="space-y-6">
      <div className="rounded-xl bg-brand-50 p-5 ring-1 ring-brand-100">
        <p className="text-sm font-semibold tracking-wide text-brand-700 uppercase">{t("thanks")}</p>
        <h2 id="ticket-created" ref={heading} tabIndex={-1} className="mt-1 text-3xl font-bold text-brand-800">
          {t("heading", { id: ticket.id })}
        </h2>
        <p className="mt-2 text-muted">
          {t("readsEvery")}
        </p>
      </div>

      <div>
        <h3 className="font-semibold">{t("linkHeading")}</h3>
        <p className="mt-1 text-sm text-muted">
          {t("linkNote")}
        </p>
        <p className="mt-3 rounded-lg border border-slate-300 bg-white p-3 font-mono text-sm break-all">
          {ticket.trackingUrl}
        </p>
        <div className="mt-3 flex flex-col gap-3 sm:flex-row">
          <a
            href={ticket.trackingUrl}
            className="inline-flex min-h-11 items-center justify-center rounded-lg bg-brand-600 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-700"
          >
            {t("track", { id: ticket.id })}
          </a>
          <Button variant="secondary" onClick={copyLink}>
            {copied ? t("copied") : t("copy")}
          </Button>
        </div>
      </div>

      <dl className="grid gap-x-6 gap-y-3 rounded-xl bg-white p-5 text-sm ring-1 ring-slate-200 sm:grid-cols-[max-content_1fr]">
        <dt className="font-semibold">{t("subject")}</dt>
        <dd>{ticket.subject}</dd>
        <dt className="font-semibold">{t("category")}</dt>
        <dd>{categoryLabel}</dd>
        <dt className="font-semibold">{t("from")}</dt>
        <dd>{t("fromValue", { name: ticket.fullName, role: tRole(ticket.roleContext), email: ticket.email })}</dd>
        <dt className="font-semibold">{t("files")}</dt>
        <dd>{ticket.attachments.length ? ticket.attachments.map((file) => file.fileName).join(", ") : t("noFiles")}</dd>
      </dl>

      <Button variant="secondary" onClick={onAnother}>
        {t("another")}
      </Button>
    </section>
  );
}
