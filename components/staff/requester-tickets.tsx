"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { StatusBadge } from "@/components/tickets/status-badge";
import { LocalTime } from "@/components/ui/local-time";
import type { Ticket } from "@/lib/tickets/schemas";
import { staffQueries } from "./staff-api";

/** Beside the conversation: the requester's other tickets (same email) and how they rated this one. */
export function RequesterTickets({ ticket }: { ticket: Ticket }) {
  const t = useTranslations("StaffConversation");
  const others = useQuery(staffQueries.requesterTickets(ticket.email));
  const tickets = others.data?.filter((other) => other.id !== ticket.id) ?? [];
  return (
    <>
      {ticket.satisfaction && (
        <section aria-labelledby="satisfaction-heading">
          <h2 id="satisfaction-heading" className="text-lg font-semibold">
            {t("satisfaction.heading")}
          </h2>
          <p className="mt-2">
            <span aria-hidden="true" className="text-amber-600">
              {"★".repeat(ticket.satisfaction.rating)}
              {"☆".repeat(5 - ticket.satisfaction.rating)}
            </span>{" "}
            {t("satisfaction.rating", { rating: ticket.satisfaction.rating })}
          </p>
          {ticket.satisfaction.comment && <p className="mt-1 whitespace-pre-wrap break-words text-sm">{ticket.satisfaction.comment}</p>}
        </section>
      )}
      <section aria-labelledby="other-tickets-heading">
        <h2 id="other-tickets-heading" className="text-lg font-semibold">
          {t("others.heading")}
        </h2>
        {others.error ? (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {t("errors.load", { reason: others.error.message })}
          </p>
        ) : tickets.length > 0 ? (
          <ul className="mt-2 space-y-2">
            {tickets.map((other) => (
              <li key={other.id} className="text-sm">
                <Link href={`/staff/tickets/${other.id}`} className="font-medium text-brand-700 underline">
                  #{other.id} {other.subject}
                </Link>
                <p className="flex flex-wrap items-center gap-2 text-xs text-muted">
                  <StatusBadge status={other.status} />
                  <LocalTime dateTime={other.createdAt} options={{ dateStyle: "medium" }} />
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-sm text-muted">{others.isPending ? t("loading") : t("others.none")}</p>
        )}
      </section>
    </>
  );
}
