import type { CreateTicketInput } from "./schemas";

/**
 * The example tickets of the Support Tickets API description (shared/seed), as import bodies with their
 * statuses and dates; its obfuscated email addresses are replaced by reserved example.com ones.
 * `npm run db:seed` loads them and the OpenAPI document shows them.
 */
export const SEED_TICKETS = [
  {
    roleContext: "tourist",
    fullName: "Maria Garcia",
    email: "maria.garcia@example.com",
    subject: "Unable to complete booking",
    category: "Booking Issues",
    message:
      "I'm trying to book a tour for tomorrow but the payment keeps failing. I've tried multiple credit cards.",
    status: "open",
    locale: "en",
    createdAt: "2026-03-10T10:30:00Z",
    updatedAt: "2026-03-10T10:30:00Z",
  },
  {
    roleContext: "guide",
    fullName: "Carlos Rodriguez",
    email: "carlos.rodriguez@example.com",
    subject: "Profile photo upload issue",
    category: "Account Problems",
    message: "Cannot upload my profile photo. Getting an error message.",
    status: "in_progress",
    locale: "en",
    createdAt: "2026-03-09T14:20:00Z",
    updatedAt: "2026-03-10T09:15:00Z",
  },
  {
    roleContext: "tourist",
    fullName: "Ana Martinez",
    email: "ana.martinez@example.com",
    subject: "Question about tour cancellation",
    category: "General Inquiry",
    message: "What is your cancellation policy for tours booked less than 24 hours in advance?",
    status: "open",
    locale: "en",
    createdAt: "2026-03-10T11:00:00Z",
    updatedAt: "2026-03-10T11:00:00Z",
  },
] as const satisfies readonly CreateTicketInput[];
