// The form's fields, in order. Apart from the schemas (and zod), so the form's first load does not carry them.
export const TICKET_FIELDS = ["roleContext", "fullName", "email", "category", "subject", "message"] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];
export const isTicketField = (path: string): path is TicketField => (TICKET_FIELDS as readonly string[]).includes(path);
