"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { type Ref, useEffect, useImperativeHandle, useRef, useState } from "react";
import { Composer, useSendErrorText } from "@/components/conversation/composer";
import { MessageList } from "@/components/conversation/message-list";
import { clearReplyDraft, loadReplyDraft, type ReplyDraft, saveReplyDraft } from "@/components/conversation/reply-draft";
import type { PickedFile } from "@/components/tickets/file-picker";
import { Button } from "@/components/ui/button";
import { newIdempotencyKey } from "@/lib/api-client/idempotency-key";
import { ApiProblem } from "@/lib/api-client/problem";
import { progressPerFile } from "@/lib/api-client/upload-with-progress";
import type { ShownAttachmentLimits } from "@/lib/attachments/types";
import type { Ticket } from "@/lib/tickets/schemas";
import { canMove } from "@/lib/tickets/workflow";
import { REFRESH_MS } from "./query-provider";
import { sendMessage, staffQueries } from "./staff-api";

/** What the ticket view's `r` and `n` shortcuts call. */
export interface ConversationHandle {
  compose: (kind: ReplyDraft["kind"]) => void;
}

const EMPTY_DRAFT: ReplyDraft = { body: "", kind: "reply" };

/** The staff side of a ticket's conversation: messages, notes and history in one timeline, and the composer. */
export function ConversationPanel({
  ticket,
  etag,
  limits,
  ref,
}: {
  ticket: Ticket;
  etag: string;
  limits: ShownAttachmentLimits;
  ref?: Ref<ConversationHandle>;
}) {
  const t = useTranslations("StaffConversation");
  const tStatus = useTranslations("Status");
  const errorText = useSendErrorText();
  const queryClient = useQueryClient();
  const messages = useQuery({ ...staffQueries.messages(ticket.id), refetchInterval: REFRESH_MS });
  const events = useQuery({ ...staffQueries.events(ticket.id), refetchInterval: REFRESH_MS });
  const [draft, setDraft] = useState<ReplyDraft>(EMPTY_DRAFT);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<number[]>();
  const [outcome, setOutcome] = useState<{ error?: string; status?: string }>({});
  const textarea = useRef<HTMLTextAreaElement>(null);
  // One message, one key: a retry after a lost answer reuses it; any edit makes it a new message.
  const idempotencyKey = useRef(newIdempotencyKey());
  const closed = ticket.status === "closed";
  const kind = closed ? "note" : draft.kind;

  // localStorage exists only in the browser, so the saved draft arrives after hydration.
  useEffect(() => {
    const saved = loadReplyDraft(ticket.id);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-time read of browser storage after hydration
    if (saved) setDraft(saved);
  }, [ticket.id]);

  function edit(next: Partial<ReplyDraft>) {
    const updated = { ...draft, ...next };
    setDraft(updated);
    saveReplyDraft(ticket.id, updated);
    idempotencyKey.current = newIdempotencyKey();
  }

  useImperativeHandle(ref, () => ({
    compose: (next) => {
      if (!closed) edit({ kind: next });
      textarea.current?.focus();
    },
  }));

  const send = useMutation({
    mutationFn: (resolve: boolean) => {
      const sizes = files.map((picked) => picked.file.size);
      setProgress(sizes.length ? sizes.map(() => 0) : undefined);
      return sendMessage(
        ticket.id,
        { body: draft.body, kind, files: files.map((picked) => picked.file), ...(resolve && { status: "resolved" }) },
        {
          headers: resolve ? { "if-match": etag } : {},
          idempotencyKey: idempotencyKey.current,
          onProgress: (loaded, total) => setProgress(progressPerFile(sizes, loaded, total)),
        },
      );
    },
    onMutate: () => setOutcome({}),
    onSuccess: (_message, resolve) => {
      clearReplyDraft(ticket.id);
      setDraft({ body: "", kind: "reply" });
      setFiles([]);
      idempotencyKey.current = newIdempotencyKey();
      setOutcome({ status: resolve ? t("sent.resolved") : kind === "note" ? t("sent.note") : t("sent.reply") });
    },
    onError: async (error) => {
      if (error instanceof ApiProblem && (error.status === 409 || error.status === 412)) {
        const fresh = await queryClient.fetchQuery({ ...staffQueries.ticket(ticket.id), staleTime: 0 });
        setOutcome({ error: t("errors.changed", { status: tStatus(fresh.ticket.status) }) });
      } else {
        setOutcome({ error: errorText(error) });
      }
    },
    onSettled: () => {
      setProgress(undefined);
      // The ticket (status, awaiting), its history and the queue's order all follow a message.
      void queryClient.invalidateQueries({ queryKey: ["tickets"] });
    },
  });

  function submit(resolve: boolean) {
    if (send.isPending) return;
    if (!draft.body.trim()) {
      setOutcome({ error: t("errors.empty") });
      textarea.current?.focus();
      return;
    }
    send.mutate(resolve);
  }

  const canResolve = kind === "reply" && canMove(ticket.status, "resolved");
  return (
    <div className="space-y-6">
      <section aria-labelledby="conversation-heading">
        <h2 id="conversation-heading" className="mb-3 text-lg font-semibold">
          {t("heading")}
        </h2>
        {messages.data ? (
          <MessageList messages={messages.data} events={events.data ?? []} viewer="staff" />
        ) : (
          <p role={messages.error ? "alert" : undefined}>
            {messages.error ? t("errors.load", { reason: messages.error.message }) : t("loading")}
          </p>
        )}
      </section>

      <section
        aria-labelledby="composer-heading"
        className={`rounded-xl p-4 ring-1 ${kind === "note" ? "border-l-8 border-amber-500 bg-amber-50 ring-amber-300" : "bg-white ring-slate-300"}`}
      >
        <h2 id="composer-heading" className="sr-only">
          {t("composer.heading")}
        </h2>
        <fieldset className="mb-3 flex flex-wrap gap-2">
          <legend className="sr-only">{t("composer.kind")}</legend>
          {(["reply", "note"] as const).map((option) => (
            <label
              key={option}
              className={`inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 text-sm font-semibold has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${
                kind === option ? (option === "note" ? "border-amber-600 bg-amber-100 text-amber-950" : "border-brand-600 bg-brand-50 text-brand-800") : "border-slate-300 bg-white"
              } ${option === "reply" && closed ? "cursor-not-allowed opacity-60" : ""}`}
            >
              <input
                type="radio"
                name="message-kind"
                value={option}
                checked={kind === option}
                disabled={option === "reply" && closed}
                onChange={() => edit({ kind: option })}
                aria-keyshortcuts={option === "reply" ? "r" : "n"}
              />
              {t(`composer.${option}`)}
            </label>
          ))}
        </fieldset>
        <Composer
          id="staff-message"
          label={kind === "note" ? t("composer.noteLabel") : t("composer.replyLabel", { name: ticket.fullName })}
          hint={closed ? t("composer.closedHint") : kind === "note" ? t("composer.noteHint") : undefined}
          body={draft.body}
          onBodyChange={(body) => edit({ body })}
          files={files}
          onFilesChange={(next) => {
            setFiles(next);
            idempotencyKey.current = newIdempotencyKey();
          }}
          limits={limits}
          progress={progress}
          busy={send.isPending}
          error={outcome.error}
          status={outcome.status}
          onSend={() => submit(false)}
          textareaRef={textarea}
        >
          <Button onClick={() => submit(false)} disabled={send.isPending}>
            {kind === "note" ? t("composer.saveNote") : t("composer.send")}
          </Button>
          {canResolve && (
            <Button variant="secondary" onClick={() => submit(true)} disabled={send.isPending}>
              {t("composer.sendAndResolve")}
            </Button>
          )}
        </Composer>
      </section>
    </div>
  );
}
