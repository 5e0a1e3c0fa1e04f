import type { Attachment, Ticket } from "@/lib/tickets/schemas";
import { SEED_TICKETS } from "@/lib/tickets/seed-examples";

const SERVER = "https://support.kinconecta.com";

/** A seed ticket as the API returns it (`index` is its position in the seed, so its id is index + 1). */
function seedTicket(index: number, attachments: Attachment[] = []): Ticket {
  const { createdAt, updatedAt, ...fields } = SEED_TICKETS[index]!;
  return {
    id: index + 1,
    ...fields,
    createdAt: new Date(createdAt).toISOString(),
    updatedAt: new Date(updatedAt).toISOString(),
    attachments,
  };
}

const maria = seedTicket(0);
const carlos = seedTicket(1, [
  { id: 1, fileName: "screenshot.png", fileUrl: `${SERVER}/api/support-tickets/2/attachments/1` },
]);
const ana = seedTicket(2);
const { roleContext, fullName, email, subject, category, message } = ana;

/** The seed document's examples, for the OpenAPI document. */
export const seedExamples = {
  ticket: { summary: "A tourist's open ticket", value: maria },
  ticketList: { summary: "The seed's first two tickets", value: [maria, carlos] },
  createRequest: {
    summary: "A tourist asks about cancellations",
    value: { roleContext, fullName, email, subject, category, message },
  },
  createdTicket: {
    summary: "The filed ticket",
    value: { ...ana, trackingUrl: `${SERVER}/support/tickets/3?key=3q2-7wEXAMPLEKEY` },
  },
};
