import { defineRoute } from "@/lib/http/define-route";
import { idempotencyScope, withIdempotency } from "@/lib/http/idempotency";
import { ticketParams } from "@/lib/http/route-params";
import { addedMessageResult, expectedVersion, idempotentResponse, jsonResponse } from "@/lib/http/ticket-responses";
import { readTicketSubmission } from "@/lib/http/ticket-submission";
import { addMessage } from "@/lib/tickets/add-message";
import { listMessages } from "@/lib/tickets/list-messages";
import { addMessageInput, type Message } from "@/lib/tickets/message-schemas";

// GET /api/support-tickets/{id}/messages – the conversation, oldest first (staff and API tokens: everything; the private link: replies only)
export const GET = defineRoute({ access: ["staff", "token", "requester"], params: ticketParams }, async ({ actor, params }) =>
  jsonResponse(await listMessages(params.id, actor)),
);

// POST /api/support-tickets/{id}/messages – reply or add a note, as JSON or multipart with files; staff may move the ticket in the same step
export const POST = defineRoute({ access: ["staff", "token", "requester"], params: ticketParams }, async ({ request, actor, params }) => {
  const submission = await readTicketSubmission(request);
  try {
    const input = addMessageInput.parse(submission.fields);
    const channel = actor.kind === "token" ? "api" : "web";
    const result = await withIdempotency<Message>(request, idempotencyScope(request, actor), submission.fingerprint, async (save) =>
      addedMessageResult(
        await addMessage({
          ticketId: params.id,
          input,
          files: submission.files,
          actor,
          channel,
          expectedVersion: expectedVersion(request),
          beforeCommit: (tx, added) => save(tx, addedMessageResult(added)),
        }),
      ),
    );
    return idempotentResponse(result);
  } finally {
    await submission.discard();
  }
});
