"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { NoAnswerError } from "@/lib/api-client/answer";
import { ApiProblem } from "@/lib/api-client/problem";
import { progressPerFile, uploadWithProgress } from "@/lib/api-client/upload-with-progress";
import { ATTACHMENTS_FIELD, type ShownAttachmentLimits } from "@/lib/attachments/types";
import { FilePicker, type PickedFile } from "./file-picker";

/** Adds files to a ticket from its tracking page, with the tracking key as the credential. */
export function AddAttachments({
  ticketId,
  trackingKey,
  limits,
  room,
}: {
  ticketId: number;
  trackingKey: string;
  limits: ShownAttachmentLimits;
  room: number;
}) {
  const t = useTranslations("Attachments");
  const router = useRouter();
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [progress, setProgress] = useState<number[]>();
  const [error, setError] = useState<string>();
  const [done, setDone] = useState<string>();

  async function upload() {
    if (files.length === 0 || progress) return;
    setError(undefined);
    setDone(undefined);
    const body = new FormData();
    for (const picked of files) body.append(ATTACHMENTS_FIELD, picked.file, picked.file.name);
    const sizes = files.map((picked) => picked.file.size);
    setProgress(sizes.map(() => 0));
    try {
      // The page reloads the ticket from the server below, so the answer's body (the ticket) is not read here.
      await uploadWithProgress(
        `/api/support-tickets/${ticketId}/attachments`,
        body,
        { "x-tracking-key": trackingKey },
        (loaded, total) => setProgress(progressPerFile(sizes, loaded, total)),
      );
      setDone(t("added", { count: files.length }));
      setFiles([]);
      router.refresh();
    } catch (caught) {
      if (caught instanceof ApiProblem) {
        setError(t("failed"));
      } else if (caught instanceof NoAnswerError) {
        setError(t("connectionDropped"));
      } else throw caught;
    } finally {
      setProgress(undefined);
    }
  }

  if (room <= 0) return <p className="text-muted">{t("full", { max: limits.maxFilesPerTicket })}</p>;
  return (
    <div className="space-y-3">
      <FilePicker
        id="more-attachments"
        label={t("add")}
        files={files}
        onChange={(next) => {
          setFiles(next);
          setError(undefined);
        }}
        limits={limits}
        room={room}
        progress={progress}
        disabled={progress !== undefined}
        error={error}
      />
      <div className="flex items-center gap-3">
        <Button onClick={upload} disabled={files.length === 0 || progress !== undefined}>
          {t("upload")}
        </Button>
        <p aria-live="polite" className="text-sm text-muted">
          {progress ? t("uploading") : done}
        </p>
      </div>
    </div>
  );
}
