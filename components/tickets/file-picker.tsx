"use client";

import { type DragEvent, useState } from "react";
import {
  ATTACHMENT_TYPE_NAMES,
  ATTACHMENT_TYPES,
  type AttachmentLimits,
  type AttachmentTypeName,
  describeBytes,
  type ShownAttachmentLimits,
} from "@/lib/attachments/types";
import { describedBy, FieldError, hintId } from "@/components/ui/field";
import { type PageTranslator, usePageStrings } from "@/lib/i18n/page-strings";

export interface PickedFile {
  key: string;
  file: File;
}

function typeOf(file: File): AttachmentTypeName | undefined {
  const mediaType = file.type.split(";")[0]!.trim().toLowerCase();
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return ATTACHMENT_TYPE_NAMES.find((name) => {
    const type = ATTACHMENT_TYPES[name];
    return type.contentType.startsWith(mediaType || "-") || (type.extensions as readonly string[]).includes(extension);
  });
}

/** Why a file cannot be attached, or null. The server checks the content again; this spares a wasted upload. */
function fileProblem(file: File, limits: ShownAttachmentLimits, t: PageTranslator<"Files">): string | null {
  const type = typeOf(file);
  if (!type || !limits.allowedTypes.includes(type)) return t("notAllowed", { name: file.name, types: limits.allowedTypesText });
  if (file.size === 0) return t("empty", { name: file.name });
  if (file.size > limits.maxFileBytes) return t("tooLarge", { name: file.name, size: describeBytes(limits.maxFileBytes) });
  return null;
}

export function acceptList(limits: AttachmentLimits): string {
  return limits.allowedTypes
    .flatMap((name) => [ATTACHMENT_TYPES[name].contentType.split(";")[0]!, ...ATTACHMENT_TYPES[name].extensions.map((e) => `.${e}`)])
    .join(",");
}

/**
 * A file input that also takes dropped files, shows each file with a preview (images), its size, a
 * remove button and, while uploading, its progress. Files the limits refuse are named and left out.
 */
export function FilePicker({
  id,
  label,
  files,
  onChange,
  limits,
  room = limits.maxFilesPerTicket,
  progress,
  disabled,
  error,
}: {
  id: string;
  label?: string;
  files: PickedFile[];
  onChange: (files: PickedFile[]) => void;
  limits: ShownAttachmentLimits;
  /** How many more files the ticket can take. */
  room?: number;
  /** 0..1 per file while uploading. */
  progress?: number[];
  disabled?: boolean;
  error?: string;
}) {
  const t = usePageStrings("Files");
  const [refused, setRefused] = useState<string[]>([]);
  const [dragging, setDragging] = useState(false);

  function add(list: FileList | null) {
    if (!list?.length) return;
    const problems: string[] = [];
    const accepted: PickedFile[] = [];
    for (const file of Array.from(list)) {
      const problem = fileProblem(file, limits, t);
      if (problem) problems.push(problem);
      else if (files.length + accepted.length >= room) problems.push(t("leftOut", { name: file.name, room }));
      else accepted.push({ key: crypto.randomUUID(), file });
    }
    setRefused(problems);
    if (accepted.length) onChange([...files, ...accepted]);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (!disabled) add(event.dataTransfer.files);
  }

  const message = [error, ...refused].filter(Boolean).join(" ");
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block font-semibold">
        {label ?? t("label")}
      </label>
      <p id={hintId(id)} className="mb-2 text-sm text-muted">
        {t("hint", { types: limits.allowedTypesText, size: describeBytes(limits.maxFileBytes), room })}
      </p>
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`rounded-xl border-2 border-dashed p-4 text-center transition-colors ${
          dragging ? "border-brand-600 bg-brand-50" : "border-slate-400 bg-white"
        }`}
      >
        <p className="mb-3 text-sm text-muted" aria-hidden="true">
          {t("drop")}
        </p>
        <input
          type="file"
          multiple
          accept={acceptList(limits)}
          disabled={disabled || files.length >= room}
          onChange={(event) => {
            add(event.currentTarget.files);
            event.currentTarget.value = "";
          }}
          {...describedBy(id, { hint: true, error: message || undefined })}
          className="mx-auto block w-full max-w-xs text-sm text-muted file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-lg file:border file:border-brand-600 file:bg-white file:px-4 file:py-2 file:font-semibold file:text-brand-700 hover:file:bg-brand-50"
        />
      </div>
      <FieldError id={id} message={message || undefined} />
      {files.length > 0 && (
        <ul aria-label={t("list")} className="mt-3 space-y-2">
          {files.map((picked, index) => (
            <li key={picked.key} className="flex items-center gap-3 rounded-lg border border-slate-300 bg-white p-2">
              <FilePreview file={picked.file} />
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm font-medium">{picked.file.name}</p>
                <p className="text-xs text-muted">{describeBytes(picked.file.size)}</p>
                {progress && (
                  <progress
                    className="mt-1 h-2 w-full accent-brand-600"
                    max={1}
                    value={progress[index] ?? 0}
                    aria-label={t("uploading", { name: picked.file.name })}
                  />
                )}
              </div>
              <button
                type="button"
                disabled={disabled}
                onClick={() => onChange(files.filter((other) => other.key !== picked.key))}
                aria-label={t("removeFile", { name: picked.file.name })}
                className="min-h-11 min-w-11 rounded-lg px-2 text-sm font-semibold text-brand-700 hover:bg-brand-50 disabled:opacity-60"
              >
                {t("remove")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A fixed-size thumbnail (images) or a file badge, so the list never jumps. */
function FilePreview({ file }: { file: File }) {
  // Made once per file; revoked as soon as the thumbnail has been decoded.
  const [url] = useState(() => (file.type.startsWith("image/") ? URL.createObjectURL(file) : undefined));
  const extension = file.name.split(".").pop()?.toUpperCase().slice(0, 4) ?? "FILE";
  return (
    <span className="flex size-14 shrink-0 items-center justify-center overflow-hidden rounded-md bg-sand-100 text-xs font-bold text-muted">
      {url ? (
        // eslint-disable-next-line @next/next/no-img-element -- a local blob: preview; next/image cannot optimise it
        <img src={url} alt="" onLoad={() => URL.revokeObjectURL(url)} className="size-full object-cover" />
      ) : (
        extension
      )}
    </span>
  );
}
