"use client";

import { useTranslations } from "next-intl";
import type { Ticket } from "@/lib/tickets/schemas";

/**
 * The loaded page with the tickets waiting for staff first, each group keeping the page's own order. The list API
 * sorts by date only, so this orders the page the agent sees (not the whole queue); every refresh reorders it,
 * which moves a ticket up as soon as its requester answers.
 */
export function awaitingStaffFirst(tickets: Ticket[]): Ticket[] {
  return tickets.toSorted((a, b) => Number(b.awaiting === "staff") - Number(a.awaiting === "staff"));
}

export function NeedsReplyBadge() {
  const t = useTranslations("NeedsReply");
  return (
    <span className="ml-2 inline-flex rounded-full bg-red-700 px-2 py-0.5 text-xs font-semibold whitespace-nowrap text-white">
      {t("badge")}
    </span>
  );
}
