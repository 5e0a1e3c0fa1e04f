import { useTranslations } from "next-intl";
import { isImageFileName } from "@/lib/attachments/types";
import type { Attachment } from "@/lib/tickets/schemas";

/** A ticket's files for its requester: thumbnails for images, links for the rest, fetched with the tracking key. */
export function AttachmentGallery({ attachments, trackingKey }: { attachments: Attachment[]; trackingKey: string }) {
  const t = useTranslations("Attachments");
  if (attachments.length === 0) return <p className="text-muted">{t("none")}</p>;
  return (
    <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3">
      {attachments.map((attachment) => {
        const url = `${attachment.fileUrl}?key=${encodeURIComponent(trackingKey)}`;
        return (
          <li key={attachment.id}>
            <a
              href={url}
              target="_blank"
              rel="noreferrer"
              className="block overflow-hidden rounded-lg bg-white ring-1 ring-slate-200 hover:ring-brand-600"
            >
              {isImageFileName(attachment.fileName) ? (
                // The link's text names the file; an alt text repeating it would be read twice.
                // eslint-disable-next-line @next/next/no-img-element -- a private, keyed URL: next/image would cache it in its optimiser
                <img src={url} alt="" width={240} height={160} loading="lazy" className="aspect-[3/2] w-full object-cover" />
              ) : (
                <span className="flex aspect-[3/2] items-center justify-center bg-sand-100 text-lg font-bold text-muted">
                  {attachment.fileName.split(".").pop()?.toUpperCase()}
                </span>
              )}
              <span className="block truncate px-2 py-1.5 text-sm font-medium text-brand-700">{attachment.fileName}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}
