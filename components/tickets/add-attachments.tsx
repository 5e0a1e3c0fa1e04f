"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { type AttachmentLimits, FilePicker, type PickedFile } from "./file-picker";
import { NoAnswerError, problemOf, progressPerFile, sendWithProgress } from "./send-with-progress";

/** Adds files to a ticket from its tracking page, with the tracking key as the credential. */
export function AddAttachments({
  ticketId,
  trackingKey,
  limits,
  room,
}: {
  ticketId: number;
  trackingKey: string;
  limits: AttachmentLimits;
  room: number;
}) {
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
    for (const picked of files) body.append("attachments", picked.file, picked.file.name);
    const sizes = files.map((picked) => picked.file.size);
    setProgress(sizes.map(() => 0));
    try {
      const answer = await sendWithProgress(
        `/api/support-tickets/${ticketId}/attachments`,
        body,
        { "x-tracking-key": trackingKey },
        (loaded, total) => setProgress(progressPerFile(sizes, loaded, total)),
      );
      if (answer.status === 200) {
        setDone(`${files.length === 1 ? "1 file" : `${files.length} files`} added.`);
        setFiles([]);
        router.refresh();
      } else {
        const problem = problemOf(answer.body);
        setError(problem.errors.map((e) => e.message).join(" ") || problem.detail || "The files could not be added.");
      }
    } catch (caught) {
      if (!(caught instanceof NoAnswerError)) throw caught;
      setError("The connection dropped before the upload finished. Please try again.");
    } finally {
      setProgress(undefined);
    }
  }

  if (room <= 0) return <p className="text-muted">This ticket has as many files as it can take ({limits.maxFilesPerTicket}).</p>;
  return (
    <div className="space-y-3">
      <FilePicker
        id="more-attachments"
        label="Add files"
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
          Upload files
        </Button>
        <p aria-live="polite" className="text-sm text-muted">
          {progress ? "Uploading…" : done}
        </p>
      </div>
    </div>
  );
}
