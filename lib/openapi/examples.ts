import type { Ticket } from "@/lib/tickets/schemas";

// The seed document's examples (shared/seed/support-tickets-api.txt), with its obfuscated email
// addresses replaced by reserved example.com ones and its attachment URL by this API's own form.

const maria: Ticket = {
  id: 1,
  roleContext: "tourist",
  fullName: "Maria Garcia",
  email: "maria.garcia@example.com",
  subject: "Unable to complete booking",
  category: "Booking Issues",
  message: "I'm trying to book a tour for tomorrow but the payment keeps failing. I've tried multiple credit cards.",
  status: "open",
  createdAt: "2026-03-10T10:30:00.000Z",
  updatedAt: "2026-03-10T10:30:00.000Z",
  attachments: [],
};

const carlos: Ticket = {
  id: 2,
  roleContext: "guide",
  fullName: "Carlos Rodriguez",
  email: "carlos.rodriguez@example.com",
  subject: "Profile photo upload issue",
  category: "Account Problems",
  message: "Cannot upload my profile photo. Getting an error message.",
  status: "in_progress",
  createdAt: "2026-03-09T14:20:00.000Z",
  updatedAt: "2026-03-10T09:15:00.000Z",
  attachments: [
    { id: 1, fileName: "screenshot.png", fileUrl: "https://support.kinconecta.com/api/support-tickets/2/attachments/1" },
  ],
};

const anaRequest = {
  roleContext: "tourist",
  fullName: "Ana Martinez",
  email: "ana.martinez@example.com",
  subject: "Question about tour cancellation",
  category: "General Inquiry",
  message: "What is your cancellation policy for tours booked less than 24 hours in advance?",
} as const;

export const seedExamples = {
  ticket: { summary: "A tourist's open ticket", value: maria },
  ticketList: { summary: "The seed's two tickets", value: [maria, carlos] },
  createRequest: { summary: "A tourist asks about cancellations", value: anaRequest },
  createdTicket: {
    summary: "The filed ticket",
    value: {
      id: 3,
      ...anaRequest,
      status: "open",
      createdAt: "2026-03-10T11:00:00.000Z",
      updatedAt: "2026-03-10T11:00:00.000Z",
      attachments: [],
      trackingUrl: "https://support.kinconecta.com/support/tickets/3?key=3q2-7wEXAMPLEKEY",
    },
  },
};
