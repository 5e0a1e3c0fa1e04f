import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { readBodyBytes } from "@/lib/http/body";
import { defineRoute } from "@/lib/http/define-route";
import { jsonResponse } from "@/lib/http/ticket-responses";
import { NotAnEmailError } from "@/lib/inbound-email/read-email";
import { takeEmail } from "@/lib/inbound-email/take-email";

// POST /api/inbound-email – a mail provider forwards one raw email (message/rfc822): it becomes a reply, a ticket, or nothing (noise)
export const POST = defineRoute(
  { access: ["mail-provider"], limit: { off: "only the mail provider holds the secret; senders are limited per address (INBOUND_EMAILS_PER_SENDER_PER_HOUR)" } },
  async ({ request }) => {
    const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (mediaType !== "message/rfc822") throw new AppError("unsupported_media_type", "Send the raw email as message/rfc822");
    const raw = await readBodyBytes(request, env.INBOUND_EMAIL_MAX_BYTES);
    try {
      return jsonResponse(await takeEmail(raw, "http"));
    } catch (error) {
      if (error instanceof NotAnEmailError) throw new AppError("validation_failed", error.message, { errors: [{ path: "", message: error.message }] });
      throw error;
    }
  },
);
