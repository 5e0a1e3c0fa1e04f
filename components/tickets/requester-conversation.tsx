"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { Composer, useSendErrorText } from "@/components/conversation/composer";
import { clearReplyDraft, loadReplyDraft, saveReplyDraft } from "@/components/conversation/reply-draft";
import { postMessage } from "@/components/conversation/send-message";
import { Button } from "@/components/ui/button";
import { describedBy, errorId, inputClasses } from "@/components/ui/field";
import { fetchAnswer } from "@/lib/api-client/answer";
import { newIdempotencyKey } from "@/lib/api-client/idempotency-key";
import { ApiProblem } from "@/lib/api-client/problem";
import { progressPerFile } from "@/lib/api-client/upload-with-progress";
import type { ShownAttachmentLimits } from "@/lib/attachments/types";
import type { PickedFile } from "./file-picker";

interface TicketKey {
  ticketId: number;
  trackingKey: string;
}

// The page reloads the ticket from the server after each of these, so their answers' bodies are not read here.
const keyed = ({ trackingKey }: TicketKey) => ({ "x-tracking-key": trackingKey });

/** The requester's reply box on the tracking page: text and files, kept as a draft until sent. */
export function RequesterReply({ ticketId, trackingKey, limits }: TicketKey & { limits: ShownAttachmentLimits }) {
  const t = useTranslations("RequesterConversation");
  const errorText = useSendErrorText();
  const router = useRouter();
  const [body, setBody] = useState("");
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<number[]>();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ error?: string; status?: string }>({});
  const idempotencyKey = useRef(newIdempotencyKey());

  useEffect(() => {
    const saved = loadReplyDraft(ticketId);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a one-time read of browser storage after hydration
    if (saved) setBody(saved.body);
  }, [ticketId]);

  async function send() {
    if (busy) return;
    if (!body.trim()) {
      setOutcome({ error: t("reply.empty") });
      return;
    }
    setBusy(true);
    setOutcome({});
    const sizes = files.map((picked) => picked.file.size);
    setProgress(sizes.length ? sizes.map(() => 0) : undefined);
    try {
      await postMessage(
        ticketId,
        { body, files: files.map((picked) => picked.file) },
        {
          headers: keyed({ ticketId, trackingKey }),
          idempotencyKey: idempotencyKey.current,
          onProgress: (loaded, total) => setProgress(progressPerFile(sizes, loaded, total)),
        },
      );
      clearReplyDraft(ticketId);
      setBody("");
      setFiles([]);
      idempotencyKey.current = newIdempotencyKey();
      setOutcome({ status: t("reply.sent") });
      router.refresh();
    } catch (error) {
      const closed = error instanceof ApiProblem && error.status === 409;
      setOutcome({ error: closed ? t("reply.closed") : errorText(error) });
      if (closed) router.refresh();
    } finally {
      setBusy(false);
      setProgress(undefined);
    }
  }

  return (
    <Composer
      id="requester-reply"
      label={t("reply.label")}
      hint={t("reply.hint")}
      body={body}
      onBodyChange={(next) => {
        setBody(next);
        saveReplyDraft(ticketId, { body: next, kind: "reply" });
        idempotencyKey.current = newIdempotencyKey();
      }}
      files={files}
      onFilesChange={(next) => {
        setFiles(next);
        idempotencyKey.current = newIdempotencyKey();
      }}
      limits={limits}
      progress={progress}
      busy={busy}
      error={outcome.error}
      status={outcome.status}
      onSend={send}
    >
      <Button onClick={send} disabled={busy}>
        {t("reply.send")}
      </Button>
    </Composer>
  );
}

/** On a resolved ticket: is the problem solved? Yes closes it; no asks what is still wrong and reopens it. */
export function ResolutionQuestion(props: TicketKey) {
  const t = useTranslations("RequesterConversation");
  const errorText = useSendErrorText();
  const router = useRouter();
  const [notSolved, setNotSolved] = useState(false);
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (notSolved) textarea.current?.focus();
  }, [notSolved]);

  async function answer(accepted: boolean) {
    if (busy) return;
    if (!accepted && !body.trim()) {
      setError(t("resolution.reasonRequired"));
      textarea.current?.focus();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await fetchAnswer(`/api/support-tickets/${props.ticketId}/resolution`, {
        method: "POST",
        headers: keyed(props),
        body: JSON.stringify(accepted ? { accepted } : { accepted, body }),
      });
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiProblem && caught.status === 409 ? t("resolution.changed") : errorText(caught));
      if (caught instanceof ApiProblem && caught.status === 409) router.refresh();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="resolution-heading" className="space-y-4 rounded-2xl bg-emerald-50 p-5 ring-1 ring-emerald-300">
      <h2 id="resolution-heading" className="text-lg font-semibold">
        {t("resolution.question")}
      </h2>
      <p className="text-sm">{t("resolution.explain")}</p>
      {notSolved ? (
        <form
          noValidate
          className="space-y-3"
          onSubmit={(event) => {
            event.preventDefault();
            void answer(false);
          }}
        >
          <label htmlFor="still-wrong" className="block font-semibold">
            {t("resolution.reasonLabel")}
          </label>
          <textarea
            ref={textarea}
            rows={4}
            required
            value={body}
            onChange={(event) => setBody(event.currentTarget.value)}
            {...describedBy("still-wrong", { error })}
            className={inputClasses}
          />
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={busy}>
              {t("resolution.sendReason")}
            </Button>
            <Button variant="secondary" onClick={() => setNotSolved(false)} disabled={busy}>
              {t("resolution.back")}
            </Button>
          </div>
        </form>
      ) : (
        <div className="flex flex-wrap gap-3">
          <Button onClick={() => answer(true)} disabled={busy}>
            {t("resolution.yes")}
          </Button>
          <Button variant="secondary" onClick={() => setNotSolved(true)} disabled={busy}>
            {t("resolution.no")}
          </Button>
        </div>
      )}
      <div aria-live="polite" className="text-sm font-medium">
        {busy ? (
          <p>{t("sending")}</p>
        ) : (
          error && (
            <p id={errorId("still-wrong")} className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
              {error}
            </p>
          )
        )}
      </div>
    </section>
  );
}

const RATINGS = [1, 2, 3, 4, 5] as const;

/** On a closed ticket: one satisfaction question, answered once; afterwards only thanks. */
export function SatisfactionQuestion({ rated, ...props }: TicketKey & { rated: boolean }) {
  const t = useTranslations("RequesterConversation");
  const errorText = useSendErrorText();
  const [rating, setRating] = useState<number>();
  const [comment, setComment] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(rated);
  const [error, setError] = useState<string>();

  async function send() {
    if (busy) return;
    if (rating === undefined) {
      setError(t("satisfaction.ratingRequired"));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await fetchAnswer(`/api/support-tickets/${props.ticketId}/satisfaction`, {
        method: "POST",
        headers: keyed(props),
        body: JSON.stringify(comment.trim() ? { rating, comment } : { rating }),
      });
      setDone(true);
    } catch (caught) {
      // 409: this ticket was rated already (another tab or device); there is nothing left to ask.
      if (caught instanceof ApiProblem && caught.status === 409) setDone(true);
      else setError(errorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="satisfaction-heading" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="satisfaction-heading" className="text-lg font-semibold">
        {t("satisfaction.heading")}
      </h2>
      <div aria-live="polite">{done && <p className="mt-2 font-medium text-emerald-900">{t("satisfaction.thanks")}</p>}</div>
      {!done && (
        <form
          noValidate
          className="mt-3 space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            void send();
          }}
        >
          <fieldset aria-describedby={error ? errorId("rating") : undefined}>
            <legend className="mb-2 font-semibold">{t("satisfaction.question")}</legend>
            <div className="flex flex-wrap gap-2">
              {RATINGS.map((value) => (
                <label
                  key={value}
                  className={`inline-flex min-h-11 min-w-11 cursor-pointer flex-col items-center justify-center rounded-lg border px-3 py-1 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-600 ${
                    rating === value ? "border-brand-600 bg-brand-50 font-semibold" : "border-slate-400 bg-white"
                  }`}
                >
                  <input type="radio" name="rating" value={value} checked={rating === value} onChange={() => setRating(value)} className="size-4 accent-brand-600" />
                  <span className="text-lg">{value}</span>
                  <span className="text-xs">{t(`satisfaction.scale.${value}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div>
            <label htmlFor="satisfaction-comment" className="mb-1.5 block font-semibold">
              {t("satisfaction.commentLabel")}
            </label>
            <textarea
              id="satisfaction-comment"
              rows={3}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              className={inputClasses}
            />
          </div>
          <Button type="submit" disabled={busy}>
            {t("satisfaction.send")}
          </Button>
          <div aria-live="polite" className="text-sm font-medium">
            {busy ? (
              <p>{t("sending")}</p>
            ) : (
              error && (
                <p id={errorId("rating")} className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
                  {error}
                </p>
              )
            )}
          </div>
        </form>
      )}
    </section>
  );
}
