"use client";

import { useTranslations } from "next-intl";
import type { ReactNode, Ref } from "react";
import { FilePicker, type PickedFile } from "@/components/tickets/file-picker";
import { describedBy, errorId, inputClasses } from "@/components/ui/field";
import { NoAnswerError } from "@/lib/api-client/answer";
import { ApiProblem } from "@/lib/api-client/problem";
import type { ShownAttachmentLimits } from "@/lib/attachments/types";

/** What went wrong with a send, in words; `conflict` for the 409/412 a caller explains in its own terms. */
export function useSendErrorText() {
  const t = useTranslations("Conversation");
  return (error: unknown): string => {
    if (error instanceof ApiProblem) {
      if (error.status === 429) return t("errors.tooMany");
      return error.errors.map((problem) => problem.message).join(" ") || error.detail || t("errors.server", { status: error.status });
    }
    if (error instanceof NoAnswerError) return t("errors.noAnswer");
    throw error;
  };
}

/**
 * A message box with files: the text (Ctrl/⌘+Enter sends), the file picker and the caller's buttons, plus a
 * live region that announces what happened (sent, or why not). The caller owns the state, so nothing typed is
 * lost when a send fails.
 */
export function Composer({
  id,
  label,
  hint,
  body,
  onBodyChange,
  files,
  onFilesChange,
  limits,
  progress,
  busy,
  error,
  status,
  onSend,
  textareaRef,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  body: string;
  onBodyChange: (body: string) => void;
  files: PickedFile[];
  onFilesChange: (files: PickedFile[]) => void;
  limits: ShownAttachmentLimits;
  progress?: number[];
  busy: boolean;
  /** Why the last send failed (shown with the text field). */
  error?: string;
  /** What the last send did, for the live region. */
  status?: string;
  onSend: () => void;
  textareaRef?: Ref<HTMLTextAreaElement>;
  children: ReactNode;
}) {
  const t = useTranslations("Conversation");
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={id} className="mb-1.5 block font-semibold">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="mb-1.5 text-sm text-muted">
            {hint}
          </p>
        )}
        <textarea
          ref={textareaRef}
          rows={5}
          value={body}
          onChange={(event) => onBodyChange(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              onSend();
            }
          }}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          {...describedBy(id, { hint: Boolean(hint), error })}
          className={inputClasses}
        />
      </div>
      <FilePicker
        id={`${id}-files`}
        label={t("attachments.add")}
        files={files}
        onChange={onFilesChange}
        limits={limits}
        progress={progress}
        disabled={busy}
      />
      <div className="flex flex-wrap items-center gap-3">
        {children}
        <p className="text-sm text-muted">{t("composer.sendShortcut")}</p>
      </div>
      {/* One live region for the outcome: screen readers hear "sent" or why not; the error also describes the field. */}
      <div aria-live="polite" className="text-sm font-medium">
        {busy ? (
          <p>{t("composer.sending")}</p>
        ) : error ? (
          <p id={errorId(id)} className="rounded-lg bg-red-50 px-3 py-2 text-red-800">
            {error}
          </p>
        ) : (
          status && <p className="rounded-lg bg-emerald-50 px-3 py-2 text-emerald-900">{status}</p>
        )}
      </div>
    </div>
  );
}
