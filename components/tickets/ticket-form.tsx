"use client";

import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, errorId, Field, FieldError, inputClasses } from "@/components/ui/field";
import { newIdempotencyKey } from "@/lib/api-client/idempotency-key";
import type { ApiProblem } from "@/lib/api-client/problem";
import { ATTACHMENTS_FIELD, describeBytes, type ShownAttachmentLimits } from "@/lib/attachments/types";
import { localeOfTag } from "@/lib/i18n/locales";
import { usePageLocale, usePageStrings } from "@/lib/i18n/page-strings";
import type { CategoryOption } from "@/lib/tickets/categories";
import type { CreatedTicket } from "@/lib/tickets/schemas";
import { SPAM_SIGNALS } from "@/lib/tickets/spam-signals";
import { ROLE_CONTEXTS } from "@/lib/tickets/workflow";
import { FilePicker, type PickedFile } from "./file-picker";
import { clearDraft, loadDraft, saveDraft } from "./ticket-draft";
import { isTicketField, TICKET_FIELDS, type TicketValues } from "./ticket-fields";
import { useTicketFields } from "./use-ticket-fields";

const EMPTY: TicketValues = { roleContext: "", fullName: "", email: "", category: "", subject: "", message: "" };

// Only needed after a successful send: fetched while the ticket is being sent, not with the page.
const loadTicketCreated = () => import("./ticket-created");
const TicketCreated = lazy(() => loadTicketCreated().then((m) => ({ default: m.TicketCreated })));

let loadingFileTicket: Promise<typeof import("./file-ticket")> | undefined;
const loadFileTicket = () => (loadingFileTicket ??= import("./file-ticket"));

/** The submit-a-ticket form: validated with the API's own schema, kept as a draft, sent once per intent. */
export function TicketForm({
  categories,
  limits,
  subject: aboutSubject,
}: {
  categories: CategoryOption[];
  limits: ShownAttachmentLimits;
  /** A subject to start from ("About ticket #12", from a closed ticket's tracking page); it outranks the draft's. */
  subject?: string;
}) {
  const t = usePageStrings("TicketForm");
  const tv = usePageStrings("Validation");
  const tRole = usePageStrings("Role");
  const tFiles = usePageStrings("Files");
  const localeTag = usePageLocale();
  const locale = localeOfTag(localeTag);
  const categoryLabels = categories.map((category) => category.label);
  // Checked with the API's own schema, fetched on first use to keep the page's first load small.
  const { form, errors, field, values, submit, setError, reset } = useTicketFields(async (typed) =>
    (await loadFileTicket()).validateTicketFields(typed, tv, categoryLabels),
  );
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<number[]>();
  const [sending, setSending] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [created, setCreated] = useState<CreatedTicket>();
  // Only the first ticket is "about" the closed one; "File another ticket" starts from nothing.
  const [subject, setSubject] = useState(aboutSubject);
  const sendingNow = useRef(false);
  const honeypot = useRef<HTMLInputElement>(null);
  const startedAt = useRef(0);
  // One intent, one key: a retry of the same form (double click, timeout, dropped connection) reuses it.
  const idempotencyKey = useRef<string>(undefined);
  const fillMs = useRef<number>(undefined);

  useEffect(() => {
    const draft = loadDraft();
    startedAt.current = draft?.startedAt ?? Date.now();
    if (draft) reset({ ...draft.values, ...(subject && { subject }) });
  }, [reset, subject]);

  /** The server's English words for files, said again in the page's language by what went wrong (its status). */
  function filesMessage(status: number): string {
    const size = describeBytes(limits.maxFileBytes);
    if (status === 413) return tFiles("ticketTooLarge");
    if (status === 415) return tFiles("refused", { types: limits.allowedTypesText, size });
    if (status === 507) return tFiles("noSpace");
    return tFiles("tooMany", { max: limits.maxFilesPerTicket });
  }

  function showProblem(problem: ApiProblem, fieldMessage: typeof import("./file-ticket").ticketFieldMessage) {
    let focused = false;
    let unplaced = false;
    for (const { path, code } of problem.errors) {
      if (isTicketField(path)) {
        setError(path, fieldMessage(tv, path, code ?? "", categoryLabels), { focus: !focused });
        focused = true;
      } else if (path === ATTACHMENTS_FIELD) setFileError(filesMessage(problem.status));
      else unplaced = true;
    }
    if (problem.status === 413 || problem.status === 415 || problem.status === 507) {
      if (problem.errors.length === 0) setFileError(filesMessage(problem.status));
    } else if (problem.status === 429) {
      setFormError(t("tooMany"));
    } else if (problem.status === 409) {
      setFormError(t("stillSending"));
    } else if (problem.errors.some((error) => error.code === "looks_automated")) {
      setFormError(tv("looksAutomated"));
    } else if (unplaced || problem.errors.length === 0) {
      setFormError(t("failed"));
    }
  }

  async function send(values: TicketValues) {
    // Already here: validation, which always comes first, loaded it.
    const { ApiProblem, fileTicket, NoAnswerError, progressPerFile, ticketFieldMessage } = await loadFileTicket();
    if (sendingNow.current) return;
    sendingNow.current = true;
    setSending(true);
    setFormError(undefined);
    setFileError(undefined);
    try {
      const wait = startedAt.current + SPAM_SIGNALS.minFillMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      void loadTicketCreated();
      idempotencyKey.current ??= newIdempotencyKey();
      // Frozen at the first send, so a retry carries the same body and gets the first answer back.
      fillMs.current ??= Date.now() - startedAt.current;

      const body = new FormData();
      for (const name of TICKET_FIELDS) body.append(name, values[name]);
      body.append("locale", locale);
      body.append(SPAM_SIGNALS.honeypotField, honeypot.current?.value ?? "");
      body.append(SPAM_SIGNALS.fillTimeField, String(fillMs.current));
      for (const picked of files) body.append(ATTACHMENTS_FIELD, picked.file, picked.file.name);

      const sizes = files.map((picked) => picked.file.size);
      setProgress(sizes.map(() => 0));
      const ticket = await fileTicket(body, idempotencyKey.current, (loaded, total) =>
        setProgress(progressPerFile(sizes, loaded, total)),
      );
      clearDraft();
      setCreated(ticket);
    } catch (error) {
      if (error instanceof ApiProblem) showProblem(error, ticketFieldMessage);
      else if (error instanceof NoAnswerError) setFormError(t("connectionDropped"));
      else throw error;
    } finally {
      sendingNow.current = false;
      setSending(false);
      setProgress(undefined);
    }
  }

  function startAnother() {
    reset(EMPTY);
    setSubject(undefined);
    if (subject !== undefined) window.history.replaceState(null, "", window.location.pathname);
    setFiles([]);
    setCreated(undefined);
    idempotencyKey.current = undefined;
    fillMs.current = undefined;
    startedAt.current = Date.now();
  }

  if (created) {
    return (
      <Suspense>
        <TicketCreated
          ticket={created}
          categoryLabel={categories.find((category) => category.name === created.category)?.label ?? created.category}
          onAnother={startAnother}
        />
      </Suspense>
    );
  }

  return (
    <form
      ref={form}
      onSubmit={(event) => submit(event, send)}
      onChange={() => saveDraft({ values: values(), startedAt: startedAt.current })}
      onFocus={loadFileTicket}
      noValidate
      aria-busy={sending}
      className="relative space-y-6"
    >
      <fieldset
        role="radiogroup"
        aria-required="true"
        {...(errors.roleContext !== undefined && { "aria-invalid": true, "aria-describedby": errorId("roleContext") })}
      >
        <legend className="mb-1.5 font-semibold">{t("role")}</legend>
        <div className="grid grid-cols-2 gap-3">
          {ROLE_CONTEXTS.map((role) => (
            <label
              key={role}
              className="flex min-h-12 cursor-pointer items-center gap-3 rounded-lg border border-slate-400 bg-white px-4 py-3 font-medium has-checked:border-brand-600 has-checked:bg-brand-50 has-checked:ring-1 has-checked:ring-brand-600"
            >
              <input type="radio" value={role} {...field("roleContext")} className="size-5 accent-brand-600" />
              {tRole(role)}
            </label>
          ))}
        </div>
        <FieldError id="roleContext" message={errors.roleContext} />
      </fieldset>

      <div className="grid gap-6 sm:grid-cols-2">
        <Field id="fullName" label={t("fullName")} error={errors.fullName}>
          <input
            type="text"
            autoComplete="name"
            {...field("fullName")}
            {...describedBy("fullName", { error: errors.fullName })}
            className={inputClasses}
          />
        </Field>
        <Field id="email" label={t("email")} error={errors.email}>
          <input
            type="email"
            autoComplete="email"
            inputMode="email"
            {...field("email")}
            {...describedBy("email", { error: errors.email })}
            className={inputClasses}
          />
        </Field>
      </div>

      <Field id="category" label={t("category")} error={errors.category}>
        <select {...field("category")} {...describedBy("category", { error: errors.category })} className={inputClasses}>
          <option value="">{t("chooseCategory")}</option>
          {categories.map((category) => (
            <option key={category.name} value={category.name}>
              {category.label}
            </option>
          ))}
        </select>
      </Field>

      <Field id="subject" label={t("subject")} error={errors.subject}>
        <input
          type="text"
          defaultValue={subject}
          {...field("subject")}
          {...describedBy("subject", { error: errors.subject })}
          className={inputClasses}
        />
      </Field>

      <Field
        id="message"
        label={t("message")}
        hint={t("messageHint")}
        error={errors.message}
      >
        <textarea
          rows={6}
          {...field("message")}
          {...describedBy("message", { hint: true, error: errors.message })}
          className={inputClasses}
        />
      </Field>

      <FilePicker
        id="attachments"
        files={files}
        onChange={(next) => {
          setFiles(next);
          setFileError(undefined);
        }}
        limits={limits}
        progress={progress}
        disabled={sending}
        error={fileError}
      />

      {/* Spam trap: hidden from people and screen readers; bots that fill every field fill this one too. */}
      <div aria-hidden="true" className="absolute -left-[9999px] top-0 size-px overflow-hidden">
        <label htmlFor={SPAM_SIGNALS.honeypotField}>{t("honeypot")}</label>
        <input
          ref={honeypot}
          id={SPAM_SIGNALS.honeypotField}
          name={SPAM_SIGNALS.honeypotField}
          type="text"
          tabIndex={-1}
          autoComplete="off"
        />
      </div>

      {formError && (
        <p role="alert" className="rounded-lg border border-red-700 bg-red-50 p-3 text-sm font-medium text-red-800">
          {formError}
        </p>
      )}

      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <Button type="submit" disabled={sending} className="w-full px-6 text-base sm:w-auto">
          {t("submit")}
        </Button>
        <p aria-live="polite" className="text-sm text-muted">
          {sending ? t("sending") : t("draftKept")}
        </p>
      </div>
    </form>
  );
}
