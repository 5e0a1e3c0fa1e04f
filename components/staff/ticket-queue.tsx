"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { Route } from "next";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef } from "react";
import { RoleBadge, ROLE_LABELS } from "@/components/tickets/status-badge";
import { TicketAge } from "@/components/tickets/ticket-age";
import { buttonClasses } from "@/components/ui/button";
import { ROLE_CONTEXTS, STATUS_LABELS, TICKET_STATUSES } from "@/lib/tickets/workflow";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { awaitingStaffFirst, NeedsReplyBadge } from "./needs-reply";
import { REFRESH_MS } from "./query-provider";
import { type QueueParams, queueSearch } from "./queue-params";
import { staffQueries } from "./staff-api";

const SORT_LABELS: Record<QueueParams["sort"], string> = {
  "-createdAt": "Newest first",
  createdAt: "Oldest first",
  "-updatedAt": "Recently updated",
  updatedAt: "Least recently updated",
};

const fieldClasses = "mt-1 block rounded-lg border border-slate-400 bg-white px-3 py-2 text-sm";

function queueHref(params: QueueParams): Route {
  return `/staff?${queueSearch(params)}` as Route;
}

export function TicketQueue({ params, categories }: { params: QueueParams; categories: string[] }) {
  const router = useRouter();
  const searchInput = useRef<HTMLInputElement>(null);
  const table = useRef<HTMLTableSectionElement>(null);
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
        <h1 className="text-2xl font-bold text-brand-800">Ticket queue</h1>
        <KeyboardShortcuts
          shortcuts={[
            { key: "j", description: "Next ticket", run: () => moveSelection(1) },
            { key: "k", description: "Previous ticket", run: () => moveSelection(-1) },
            { key: "/", description: "Search (Escape leaves the field)", run: () => searchInput.current?.focus() },
          ]}
          alsoListed={[{ key: "Enter", description: "Open the selected ticket" }]}
        />
      </div>

      <nav aria-label="Ticket status">
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
                  {STATUS_LABELS[status]}
                  <span className="rounded-full bg-slate-200 px-2 text-xs text-slate-800">{counts.data?.[status] ?? "…"}</span>
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
            sort: (value("sort") ?? params.sort) as QueueParams["sort"],
          });
        }}
      >
        <input type="hidden" name="status" value={params.status} />
        <div>
          <label htmlFor="queue-search" className="text-sm font-semibold">
            Search
          </label>
          <input
            ref={searchInput}
            id="queue-search"
            name="q"
            type="search"
            defaultValue={params.q ?? ""}
            key={params.q ?? ""}
            placeholder="Subject or message"
            onKeyDown={(event) => event.key === "Escape" && event.currentTarget.blur()}
            className={`${fieldClasses} w-64`}
          />
        </div>
        <div>
          <label htmlFor="queue-category" className="text-sm font-semibold">
            Category
          </label>
          <select
            id="queue-category"
            name="category"
            defaultValue={params.category ?? ""}
            key={`category-${params.category}`}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className={fieldClasses}
          >
            <option value="">All categories</option>
            {categories.map((category) => (
              <option key={category}>{category}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-role" className="text-sm font-semibold">
            Role
          </label>
          <select
            id="queue-role"
            name="roleContext"
            defaultValue={params.roleContext ?? ""}
            key={`role-${params.roleContext}`}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className={fieldClasses}
          >
            <option value="">Tourists and guides</option>
            {ROLE_CONTEXTS.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}s
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="queue-sort" className="text-sm font-semibold">
            Sort
          </label>
          <select
            id="queue-sort"
            name="sort"
            defaultValue={params.sort}
            key={`sort-${params.sort}`}
            onChange={(event) => event.currentTarget.form?.requestSubmit()}
            className={fieldClasses}
          >
            {Object.entries(SORT_LABELS).map(([sort, label]) => (
              <option key={sort} value={sort}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          Apply filters
        </button>
      </form>

      {page.error && (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
          The queue could not be loaded: {page.error.message}
        </p>
      )}

      <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">
            {STATUS_LABELS[params.status]} tickets, {SORT_LABELS[params.sort].toLowerCase()}
          </caption>
          <thead className="bg-sand-100 text-xs uppercase tracking-wide text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">No.</th>
              <th scope="col" className="px-3 py-2">Subject</th>
              <th scope="col" className="px-3 py-2">Requester</th>
              <th scope="col" className="px-3 py-2">Category</th>
              <th scope="col" className="px-3 py-2">Age</th>
              <th scope="col" className="px-3 py-2">Files</th>
            </tr>
          </thead>
          <tbody ref={table}>
            {tickets.map((ticket) => (
              <tr key={ticket.id} className="border-t border-slate-200 focus-within:bg-brand-50 hover:bg-sand-50">
                <td className="px-3 py-1.5 tabular-nums text-muted">#{ticket.id}</td>
                <td className="px-3 py-1.5">
                  <Link href={`/staff/tickets/${ticket.id}`} data-ticket-link className="font-medium text-brand-800 hover:underline">
                    {ticket.subject}
                  </Link>
                  {ticket.awaiting === "staff" && <NeedsReplyBadge />}
                </td>
                <td className="px-3 py-1.5">
                  <span className="mr-2">{ticket.fullName}</span>
                  <RoleBadge role={ticket.roleContext} />
                </td>
                <td className="px-3 py-1.5">{ticket.category}</td>
                <td className="px-3 py-1.5 whitespace-nowrap">
                  <TicketAge since={ticket.createdAt} now={page.dataUpdatedAt} />
                </td>
                <td className="px-3 py-1.5 tabular-nums">
                  <span className="sr-only">Attachments: </span>
                  {ticket.attachments.length}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {tickets.length === 0 && !page.isPending && (
          <p className="px-3 py-6 text-center text-muted">No {STATUS_LABELS[params.status].toLowerCase()} tickets match this view.</p>
        )}
      </div>

      <nav aria-label="Pages" className="flex gap-3">
        {params.cursor && (
          <Link href={queueHref({ ...params, cursor: undefined })} className={buttonClasses("secondary")}>
            First page
          </Link>
        )}
        {page.data?.nextCursor && (
          <Link href={queueHref({ ...params, cursor: page.data.nextCursor })} className={buttonClasses("secondary")}>
            Next page
          </Link>
        )}
      </nav>
    </div>
  );
}
