import { zodResolver } from "@hookform/resolvers/zod";
import { ticketFieldsInput } from "@/lib/tickets/schemas";

// Split from the form so zod (the bulk of the form's JavaScript) loads when someone starts typing, not with the page.
export const ticketFieldsResolver = zodResolver(ticketFieldsInput);
