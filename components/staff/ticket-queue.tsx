"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { PriorityBadge, RoleBadge } from "@/components/tickets/status-badge";
import { TicketAge } from "@/components/tickets/ticket-age";
import { buttonClasses } from "@/components/ui/button";
import type { CategoryOption } from "@/lib/tickets/categories";
import { TICKET_SORTS } from "@/lib/tickets/schemas";
import { ROLE_CONTEXTS, TICKET_PRIORITIES, TICKET_STATUSES } from "@/lib/tickets/workflow";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { BulkActions } from "./bulk-actions";
import { DueBadge } from "./due-badge";
import { FilterSelect, filterFieldClasses } from "./filter-select";
import { awaitingStaffFirst, NeedsReplyBadge } from "./needs-reply";
import { REFRESH_MS } from "./query-provider";
import { QUEUE_VIEWS, type QueueParams, queueSearch } from "./queue-params";
import { staffQueries } from "./staff-api";




function queueHref(params: QueueParams): Route {
  return `/staff?${queueSearch(params)}` as Route;
}

export function TicketQueue({
  params,
  categories,
  categoryLabels,
  staffId,
}: {
  params: QueueParams;
  /** The signed-in agent's account id, for "Assign to me" on the selected rows. */
  staffId: string;
  /** The active categories, for the filter. */
  categories: CategoryOption[];
  /** Every category's label in the reader's language, by stored name. */
  categoryLabels: Record<string, string>;
}) {
  const t = useTranslations("StaffQueue");
  const tStatus = useTranslations("Status");
  const tPriority = useTranslations("Priority");
  const router = useRouter();
  const searchInput = useRef<HTMLInputElement>(null);
  const table = useRef<HTMLTableSectionElement>(null);
  const bulkBar = useRef<HTMLElement>(null);
  const [selected, setSelected] = useState<number[]>([]);
  const toggle = (id: number) => setSelected((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]));
  const page = useQuery({
    ...staffQueries.queue(params),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const counts = useQuery({ ...staffQueries.counts(), refetchInterval: REFRESH_MS });

  // A new filter starts again from the first page.
  const show = (changes: Partial<QueueParams>) => router.push(queueHref({ ...params, cursor: undefined, ...changes }));

  function moveSelection(step: 1 | -1) {
    const links = [...(table.current?.querySelectorAll<HTMLAnchorElement>("a[data-ticket-link]") ?? [])];
    if (links.length === 0) return;
    const current = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
    links[next]!.focus();
  }

  const tickets = awaitingStaffFirst(page.data?.tickets ?? []);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-bold text-brand-800">{t("title")}</h1>
        <KeyboardShortcuts
          shortcuts={[
            { key: "j", description: t("shortcuts.next"), run: () => moveSelection(1) },
            { key: "k", description: t("shortcuts.previous"), run: () => moveSelection(-1) },
            { key: "/", description: t("shortcuts.search"), run: () => searchInput.current?.focus() },
            {
              key: "x",
              description: t("shortcuts.select"),
              run: () => {
                const id = Number((document.activeElement as HTMLElement | null)?.dataset.ticketId);
                if (id) toggle(id);
              },
            },
            { key: "b", description: t("shortcuts.bulk"), run: () => bulkBar.current?.focus() },
          ]}
          alsoListed={[{ key: "Enter", description: t("shortcuts.open") }]}
        />
      </div>

      <nav aria-label={t("viewNav")}>
        <ul className="flex flex-wrap gap-2">
          {[undefined, ...QUEUE_VIEWS].map((view) => (
            <li key={view ?? "all"}>
              <Link
                // Mine is an agent's work list: what breaks its promise next comes first.
                href={queueHref({ ...params, assignee: view, sort: view === "me" ? "dueAt" : params.sort, cursor: undefined })}
                aria-current={params.assignee === view ? "page" : undefined}
                className={`inline-flex rounded-full px-3 py-1 text-sm font-semibold ${
                  params.assignee === view ? "bg-brand-700 text-white" : "bg-slate-100 text-slate-800 hover:bg-slate-200"
                }`}
              >
                {t(`views.${view ?? "all"}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <nav aria-label={t("statusNav")}>
        <ul className="flex flex-wrap gap-2 border-b border-slate-300">
          {TICKET_STATUSES.map((status) => {
            const active = status === params.status;
            return (
              <li key={status}>
                <Link
                  href={queueHref({ ...params, status, cursor: undefined })}
                  aria-current={active ? "page" : undefined}
                  className={`-mb-px inline-flex items-center gap-2 border-b-4 px-3 py-2 text-sm font-semibold ${
                    active ? "border-brand-600 text-brand-800" : "border-transparent text-muted hover:text-ink"
                  }`}
                >
                  {tStatus(status)}
                  <span className="rounded-full bg-slate-200 px-2 text-xs text-slate-800">{counts.data?.[status] ?? t("counting")}</span>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      {/* A plain GET form, so filtering works before the page has hydrated; with JavaScript a change applies at once. */}
      <form
        role="search"
        action="/staff"
        className="flex flex-wrap items-end gap-3"
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          const value = (name: string) => String(form.get(name) ?? "").trim() || undefined;
          show({
            q: value("q"),
            category: value("category"),
            roleContext: value("roleContext") as QueueParams["roleContext"],
            priority: value("priority") as QueueParams["priority"],
            sort: (value("sort") ?? params.sort) as QueueParams["sort"],
          });
        }}
      >
        <input type="hidden" name="status" value={params.status} />
        {params.assignee && <input type="hidden" name="assignee" value={params.assignee} />}
        <div>
          <label htmlFor="queue-search" className="text-sm font-semibold">
            {t("search")}
          </label>
          <input
            ref={searchInput}
            id="queue-search"
            name="q"
            type="search"
            defaultValue={params.q ?? ""}
            key={params.q ?? ""}
            placeholder={t("searchPlaceholder")}
            onKeyDown={(event) => event.key === "Escape" && event.currentTarget.blur()}
            className={`${filterFieldClasses} w-64`}
          />
        </div>
        <FilterSelect
          idPrefix="queue"
          name="category"
          label={t("category")}
          value={params.category}
          anyLabel={t("allCategories")}
          options={categories.map((category) => ({ value: category.name, label: category.label }))}
        />
        <FilterSelect
          idPrefix="queue"
          name="roleContext"
          label={t("role")}
          value={params.roleContext}
          anyLabel={t("allRoles")}
          options={ROLE_CONTEXTS.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        />
        <FilterSelect
          idPrefix="queue"
          name="priority"
          label={t("priority")}
          value={params.priority}
          anyLabel={t("allPriorities")}
          options={TICKET_PRIORITIES.map((priority) => ({ value: priority, label: tPriority(priority) }))}
        />
        <FilterSelect idPrefix="queue" name="sort" label={t("sort")} value={params.sort} options={TICKET_SORTS.map((sort) => ({ value: sort, label: t(`sorts.${sort}`) }))} />
        <button type="submit" className={buttonClasses("secondary")}>
          {t("apply")}
        </button>
      </form>

      <BulkActions
        ref={bulkBar}
        selected={selected}
        staffId={staffId}
        onDone={(changed) => setSelected((current) => current.filter((id) => !changed.includes(id)))}
        onClear={() => setSelected([])}
      />

      {page.error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          {t("loadFailed", { error: page.error.message })}
        </p>
      )}

      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            {t("caption", { status: tStatus(params.status), sort: t(`sorts.${params.sort}`) })}
          </caption>
          <thead className="bg-sand-100 text-xs uppercase tracking-wide text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">{t("columns.select")}</span>
              </th>
              <th scope="col" className="px-3 py-2">{t("columns.number")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.subject")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.requester")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.category")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.owner")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.age")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.due")}</th>
              <th scope="col" className="px-3 py-2">{t("columns.files")}</th>
            </tr>
          </thead>
          <tbody ref={table}>
            {tickets.map((ticket) => (
              <tr key={ticket.id} className="border-t border-slate-200 focus-within:bg-brand-50 hover:bg-sand-50">
                <td className="px-3 py-1.5">
                  <input
                    type="checkbox"
                    checked={selected.includes(ticket.id)}
                    onChange={() => toggle(ticket.id)}
                    aria-label={t("bulk.select", { id: ticket.id })}
                    className="h-4 w-4 accent-brand-700"
                  />
                </td>
                <td className="px-3 py-1.5 tabular-nums text-muted">#{ticket.id}</td>
                <td className="px-3 py-1.5">
                  <Link href={`/staff/tickets/${ticket.id}`} data-ticket-link data-ticket-id={ticket.id} className="font-medium text-brand-800 hover:underline">
                    {ticket.subject}
                  </Link>
                  <PriorityBadge priority={ticket.priority} />
                  {ticket.awaiting === "staff" && <NeedsReplyBadge />}
                </td>
                <td className="px-3 py-1.5">
                  <span className="mr-2">{ticket.fullName}</span>
                  <RoleBadge role={ticket.roleContext} />
                </td>
                <td className="px-3 py-1.5">{categoryLabels[ticket.category] ?? ticket.category}</td>
                <td className="px-3 py-1.5">{ticket.assignee?.name ?? <span className="text-muted">{t("nobody")}</span>}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <TicketAge since={ticket.createdAt} now={page.dataUpdatedAt} />
                </td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <DueBadge sla={ticket.sla} now={page.dataUpdatedAt} />
                </td>
                <td className="px-3 py-1.5 tabular-nums">
                  <span className="sr-only">{t("attachments")} </span>
                  {ticket.attachments.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tickets.length === 0 && !page.isPending && (
          <p className="px-3 py-6 text-center text-muted">{t("empty", { status: tStatus(params.status) })}</p>
        )}
      </div>

      <nav aria-label={t("pages")} className="flex gap-3">
        {params.cursor && (
          <Link href={queueHref({ ...params, cursor: undefined })} className={buttonClasses("secondary")}>
            {t("firstPage")}
          </Link>
        )}
        {page.data?.nextCursor && (
          <Link href={queueHref({ ...params, cursor: page.data.nextCursor })} className={buttonClasses("secondary")}>
            {t("nextPage")}
          </Link>
        )}
      </nav>
    </div>
  );
}
