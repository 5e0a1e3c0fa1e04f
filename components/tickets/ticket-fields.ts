// The form's fields, in order. Apart from the schemas (and zod), so the form's first load does not carry them.
export const TICKET_FIELDS = ["roleContext", "fullName", "email", "category", "subject", "message"] as const;
export type TicketField = (typeof TICKET_FIELDS)[number];
export const isTicketField = (path: string): path is TicketField => (TICKET_FIELDS as readonly string[]).includes(path);
/** The form's fields as typed (an unchosen role is ""), and what is wrong with some of them, in the page's language. */
export type TicketValues = Record<TicketField, string>;
export type TicketFieldErrors = Partial<Record<TicketField, string>>;
