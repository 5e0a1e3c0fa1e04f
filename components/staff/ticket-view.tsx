"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useRef, useState } from "react";
import { RoleBadge, StatusBadge } from "@/components/tickets/status-badge";
import { ticketMoves } from "@/components/tickets/ticket-moves";
import { Button } from "@/components/ui/button";
import { type AttachmentLimits, isImageFileName } from "@/lib/attachments/types";
import { STATUS_LABELS, type TicketStatus } from "@/lib/tickets/workflow";
import { type ConversationHandle, ConversationPanel } from "./conversation-panel";
import { IssueTrackingLink } from "./issue-tracking-link";
import { KeyboardShortcuts } from "./keyboard-shortcuts";
import { REFRESH_MS } from "./query-provider";
import { ApiProblem } from "@/lib/api-client/problem";
import { RequesterTickets } from "./requester-tickets";
import { moveTicket, staffQueries } from "./staff-api";

export function TicketView({ id, limits }: { id: number; limits: AttachmentLimits }) {
  const router = useRouter();
  const tConversation = useTranslations("StaffConversation");
  const conversation = useRef<ConversationHandle>(null);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const ticketQuery = staffQueries.ticket(id);
  const loaded = useQuery({ ...ticketQuery, refetchInterval: REFRESH_MS });

  const move = useMutation({
    mutationFn: (to: TicketStatus) => moveTicket(id, to, loaded.data!.etag),
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
          text: `Not moved to ${STATUS_LABELS[to]}: someone else changed this ticket first. It is now ${STATUS_LABELS[fresh.ticket.status]}; check it and try again if still needed.`,
        });
      } else {
        setNotice({ tone: "error", text: `Not moved to ${STATUS_LABELS[to]}: ${error.message}` });
      }
      void queryClient.invalidateQueries({ queryKey: staffQueries.events(id).queryKey });
    },
    onSuccess: (result) => {
      queryClient.setQueryData(ticketQuery.queryKey, result);
      setNotice({ tone: "success", text: `Moved to ${STATUS_LABELS[result.ticket.status]}.` });
      void queryClient.invalidateQueries({ queryKey: ["tickets"], predicate: (query) => query.queryKey[1] !== "one" });
    },
  });

  if (!loaded.data) {
    return <p role="alert">{loaded.error ? `This ticket could not be loaded: ${loaded.error.message}` : "Loading…"}</p>;
  }
  const { ticket } = loaded.data;
  const moves = ticketMoves(ticket.status);

  return (
    <article className="space-y-6" aria-labelledby="ticket-subject">
      <KeyboardShortcuts
        shortcuts={[
          ...moves.map((candidate) => ({
            key: candidate.key,
            description: candidate.label,
            run: () => !move.isPending && move.mutate(candidate.to),
          })),
          { key: "r", description: tConversation("shortcuts.reply"), run: () => conversation.current?.compose("reply") },
          { key: "n", description: tConversation("shortcuts.note"), run: () => conversation.current?.compose("note") },
          { key: "u", description: "Back to the queue", run: () => router.push("/staff") },
        ]}
      />
      <div>
        <Link href="/staff" className="text-sm text-brand-700 underline underline-offset-4">
          Back to the queue
        </Link>
        <p className="mt-3 text-sm text-muted">Ticket #{ticket.id}</p>
        <h1 id="ticket-subject" className="text-2xl font-bold text-brand-800">
          {ticket.subject}
        </h1>
        <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
          <span>
            Status: <StatusBadge status={ticket.status} />
          </span>
          <span>Category: {ticket.category}</span>
        </div>
      </div>

      <section aria-label="Move this ticket" className="flex flex-wrap gap-2">
        {moves.map((candidate) => (
          <Button
            key={candidate.to}
            variant={candidate.to === "closed" ? "danger" : "primary"}
            disabled={move.isPending}
            aria-keyshortcuts={candidate.key}
            onClick={() => move.mutate(candidate.to)}
          >
            {candidate.label}
          </Button>
        ))}
        {moves.length === 0 && <p className="text-muted">Closed tickets are final.</p>}
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
              Attachments ({ticket.attachments.length})
            </h2>
            <ul className="mt-2 flex flex-wrap gap-4">
              {ticket.attachments.map((attachment) => (
                <li key={attachment.id} className="w-48">
                  {isImageFileName(attachment.fileName) && (
                    // eslint-disable-next-line @next/next/no-img-element -- a private file behind the session, not an optimisable asset
                    <img src={attachment.fileUrl} alt={attachment.fileName} className="mb-1 h-32 w-48 rounded border object-cover" />
                  )}
                  <a href={attachment.fileUrl} download={attachment.fileName} className="break-all text-sm text-brand-700 underline">
                    Download {attachment.fileName}
                  </a>
                </li>
              ))}
            </ul>
            {ticket.attachments.length === 0 && <p className="text-sm text-muted">None.</p>}
          </section>
        </div>
        <div className="space-y-6">
          <section aria-labelledby="requester-heading">
            <h2 id="requester-heading" className="text-lg font-semibold">Requester</h2>
            <p className="mt-2">
              {ticket.fullName} <RoleBadge role={ticket.roleContext} />
            </p>
            <p>
              <a href={`mailto:${ticket.email}`} className="text-brand-700 underline">
                {ticket.email}
              </a>
            </p>
            <p className="text-sm text-muted">Filed {ticket.createdAt.replace("T", " ").slice(0, 16)} UTC</p>
          </section>
          <RequesterTickets ticket={ticket} />
          <IssueTrackingLink ticketId={ticket.id} />
        </div>
      </div>
    </article>
  );
}
