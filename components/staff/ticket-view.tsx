"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { RoleBadge, StatusBadge } from "@/components/tickets/status-badge";
import { ticketMoves } from "@/components/tickets/ticket-moves";
import { Button } from "@/components/ui/button";
import { LocalTime } from "@/components/ui/local-time";
import { isImageFileName, type ShownAttachmentLimits } from "@/lib/attachments/types";
import type { Messages } from "@/lib/i18n/catalogs";
import { TICKET_PRIORITIES, type TicketPriority, type TicketStatus } from "@/lib/tickets/workflow";
import { type ConversationHandle, ConversationPanel } from "./conversation-panel";
import { IssueTrackingLink } from "./issue-tracking-link";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { REFRESH_MS } from "./query-provider";
import { ApiProblem } from "@/lib/api-client/problem";
import { RequesterTickets } from "./requester-tickets";
import { staffQueries, updateTicket } from "./staff-api";

// A move's button is named in the agent's language by its shortcut key, which ticketMoves gives each move.
type MoveKey = keyof Messages["StaffTicket"]["moves"];

/** One ticket for an agent: its conversation, moves, files and requester. `categoryLabels` names categories in the agent's language. */
export function TicketView({
  id,
  limits,
  categoryLabels,
  staffId,
}: {
  id: number;
  limits: ShownAttachmentLimits;
  categoryLabels: Record<string, string>;
  /** The signed-in agent's account id, for "Assign to me". */
  staffId: string;
}) {
  const t = useTranslations("StaffTicket");
  const tStatus = useTranslations("Status");
  const tPriority = useTranslations("Priority");
  const router = useRouter();
  const tConversation = useTranslations("StaffConversation");
  const conversation = useRef<ConversationHandle>(null);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const ticketQuery = staffQueries.ticket(id);
  const loaded = useQuery({ ...ticketQuery, refetchInterval: REFRESH_MS });
  // Moves and triage changes run one after the other (one scope), each sending the version the one before left in
  // the cache, so two quick changes by the same agent never trip over each other's If-Match.
  const serially = { id: `ticket:${id}` };
  const currentEtag = () => queryClient.getQueryData(ticketQuery.queryKey)!.etag;

  const move = useMutation({
    mutationFn: (to: TicketStatus) => updateTicket(id, { status: to }, currentEtag()),
    scope: serially,
    // Optimistic: the badge and buttons change at once; onError puts them back.
    onMutate: async (to) => {
      setNotice(null);
      await queryClient.cancelQueries({ queryKey: ticketQuery.queryKey });
      const previous = queryClient.getQueryData(ticketQuery.queryKey);
      if (previous) {
        queryClient.setQueryData(ticketQuery.queryKey, {
          ...previous,
          ticket: { ...previous.ticket, status: to },
        });
      }
      return { previous };
    },
    onError: async (error, to, context) => {
      if (context?.previous) queryClient.setQueryData(ticketQuery.queryKey, context.previous);
      if (error instanceof ApiProblem && (error.status === 409 || error.status === 412)) {
        // staleTime 0: the rolled-back cache entry looks fresh, but the server has the truth.
        const fresh = await queryClient.fetchQuery({ ...ticketQuery, staleTime: 0 });
        setNotice({
          tone: "error",
          text: t("conflict", { to: tStatus(to), now: tStatus(fresh.ticket.status) }),
        });
      } else {
        setNotice({ tone: "error", text: t("moveFailed", { to: tStatus(to), error: error.message }) });
      }
      void queryClient.invalidateQueries({ queryKey: staffQueries.events(id).queryKey });
    },
    onSuccess: (result) => {
      queryClient.setQueryData(ticketQuery.queryKey, result);
      setNotice({ tone: "success", text: t("moved", { status: tStatus(result.ticket.status) }) });
      void queryClient.invalidateQueries({ queryKey: ["tickets"], predicate: (query) => query.queryKey[1] !== "one" });
    },
  });

  // A new priority or owner: on a stale version (412) the view loads the ticket as it is now, which the controls then show.
  const triage = useMutation({
    mutationFn: (change: { priority: TicketPriority } | { assigneeId: string | null }) => updateTicket(id, change, currentEtag()),
    scope: serially,
    onMutate: () => setNotice(null),
    onError: async (error, change) => {
      if (error instanceof ApiProblem && error.status === 412) await queryClient.fetchQuery({ ...ticketQuery, staleTime: 0 });
      const text =
        "priority" in change
          ? t("priorityFailed", { priority: tPriority(change.priority), error: error.message })
          : t("assignFailed", { error: error.message });
      setNotice({ tone: "error", text });
    },
    onSuccess: (result, change) => {
      queryClient.setQueryData(ticketQuery.queryKey, result);
      const { priority, assignee } = result.ticket;
      const text =
        "priority" in change
          ? t("prioritySet", { priority: tPriority(priority) })
          : assignee
            ? t("assignedTo", { name: assignee.name })
            : t("unassignedNow");
      setNotice({ tone: "success", text });
      void queryClient.invalidateQueries({ queryKey: ["tickets"], predicate: (query) => query.queryKey[1] !== "one" });
    },
  });

  if (!loaded.data) {
    return <p role="alert">{loaded.error ? t("loadFailed", { error: loaded.error.message }) : t("loading")}</p>;
  }
  const { ticket } = loaded.data;
  const moves = ticketMoves(ticket.status);

  return (
    <article className="space-y-6" aria-labelledby="ticket-subject">
      <KeyboardShortcuts
        shortcuts={[
          ...moves.map((candidate) => ({
            key: candidate.key,
            description: t(`moves.${candidate.key as MoveKey}`),
            run: () => !move.isPending && move.mutate(candidate.to),
          })),
          { key: "r", description: tConversation("shortcuts.reply"), run: () => conversation.current?.compose("reply") },
          { key: "n", description: tConversation("shortcuts.note"), run: () => conversation.current?.compose("note") },
          { key: "u", description: t("back"), run: () => router.push("/staff") },
        ]}
      />
      <div>
        <Link href="/staff" className="text-sm text-brand-700 underline underline-offset-4">
          {t("back")}
        </Link>
        <p className="mt-3 text-sm text-muted">{t("number", { id: ticket.id })}</p>
        <h1 id="ticket-subject" className="text-2xl font-bold text-brand-800">
          {ticket.subject}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <span>
            {t("status")} <StatusBadge status={ticket.status} />
          </span>
          <span>{t("category", { category: categoryLabels[ticket.category] ?? ticket.category })}</span>
          <span className="flex items-center gap-2">
            {t("owner", { name: ticket.assignee?.name ?? t("nobody") })}
            {ticket.assignee?.id !== staffId && (
              <Button variant="secondary" disabled={triage.isPending} onClick={() => triage.mutate({ assigneeId: staffId })}>
                {t("assignToMe")}
              </Button>
            )}
            {ticket.assignee && (
              <Button variant="secondary" disabled={triage.isPending} onClick={() => triage.mutate({ assigneeId: null })}>
                {t("unassign")}
              </Button>
            )}
          </span>
          <label className="flex items-center gap-2">
            {t("priority")}
            <select
              value={ticket.priority}
              disabled={triage.isPending}
              onChange={(event) => triage.mutate({ priority: event.target.value as TicketPriority })}
              className="rounded border border-slate-400 bg-white px-2 py-1"
            >
              {TICKET_PRIORITIES.map((priority) => (
                <option key={priority} value={priority}>
                  {tPriority(priority)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      <section aria-label={t("movesRegion")} className="flex flex-wrap gap-2">
        {moves.map((candidate) => (
          <Button
            key={candidate.to}
            variant={candidate.to === "closed" ? "danger" : "primary"}
            disabled={move.isPending}
            aria-keyshortcuts={candidate.key}
            onClick={() => move.mutate(candidate.to)}
          >
            {t(`moves.${candidate.key as MoveKey}`)}
          </Button>
        ))}
        {moves.length === 0 && <p className="text-muted">{t("closedFinal")}</p>}
      </section>
      <div aria-live="polite">
        {notice && (
          <p
            role={notice.tone === "error" ? "alert" : "status"}
            className={`rounded-lg px-3 py-2 text-sm font-medium ${notice.tone === "error" ? "bg-red-50 text-red-800" : "bg-emerald-50 text-emerald-900"}`}
          >
            {notice.text}
          </p>
        )}
      </div>

      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <div className="space-y-6">
          <ConversationPanel ref={conversation} ticket={ticket} etag={loaded.data.etag} limits={limits} />
          <section aria-labelledby="attachments-heading">
            <h2 id="attachments-heading" className="text-lg font-semibold">
              {t("attachments", { count: ticket.attachments.length })}
            </h2>
            <ul className="mt-2 flex flex-wrap gap-4">
              {ticket.attachments.map((attachment) => (
                <li key={attachment.id} className="w-48">
                  {isImageFileName(attachment.fileName) && (
                    // eslint-disable-next-line @next/next/no-img-element -- a private file behind the session, not an optimisable asset
                    <img src={attachment.fileUrl} alt={attachment.fileName} className="mb-1 h-32 w-48 rounded border object-cover" />
                  )}
                  <a href={attachment.fileUrl} download={attachment.fileName} className="break-all text-sm text-brand-700 underline">
                    {t("download", { name: attachment.fileName })}
                  </a>
                </li>
              ))}
            </ul>
            {ticket.attachments.length === 0 && <p className="text-sm text-muted">{t("noAttachments")}</p>}
          </section>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="requester-heading">
            <h2 id="requester-heading" className="text-lg font-semibold">
              {t("requester")}
            </h2>
            <p className="mt-2">
              {ticket.fullName} <RoleBadge role={ticket.roleContext} />
            </p>
            <p>
              <a href={`mailto:${ticket.email}`} className="text-brand-700 underline">
                {ticket.email}
              </a>
            </p>
            <p className="text-sm text-muted">{t.rich("filed", { time: () => <LocalTime dateTime={ticket.createdAt} /> })}</p>
          </section>
          <RequesterTickets ticket={ticket} />
          <IssueTrackingLink ticketId={ticket.id} />
        </div>
      </div>
    </article>
  );
}
