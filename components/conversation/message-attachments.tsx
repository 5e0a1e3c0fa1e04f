import { useTranslations } from "next-intl";
import { isImageFileName } from "@/lib/attachments/types";
import type { Attachment } from "@/lib/tickets/schemas";

/** A message's files: thumbnails for images, a named link for each. The requester's links carry the tracking key. */
export function MessageAttachments({ attachments, trackingKey }: { attachments: Attachment[]; trackingKey?: string }) {
  const t = useTranslations("Conversation");
  if (attachments.length === 0) return null;
  return (
    <ul aria-label={t("attachments.label")} className="mt-3 flex flex-wrap gap-3">
      {attachments.map((attachment) => {
        const url = trackingKey ? `${attachment.fileUrl}?key=${encodeURIComponent(trackingKey)}` : attachment.fileUrl;
        return (
          <li key={attachment.id} className="w-36">
            <a href={url} target="_blank" rel="noreferrer" className="block overflow-hidden rounded-lg bg-white ring-1 ring-slate-300 hover:ring-brand-600">
              {isImageFileName(attachment.fileName) ? (
                // eslint-disable-next-line @next/next/no-img-element -- a private file (session or keyed URL): next/image would cache it
                <img src={url} alt="" width={144} height={96} loading="lazy" className="aspect-[3/2] w-full object-cover" />
              ) : (
                <span aria-hidden="true" className="flex aspect-[3/2] items-center justify-center bg-sand-100 font-bold text-muted">
                  {attachment.fileName.split(".").pop()?.toUpperCase()}
                </span>
              )}
              <span className="block truncate px-2 py-1 text-xs font-medium text-brand-700">{attachment.fileName}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
