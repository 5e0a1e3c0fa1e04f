import { type FormEvent, useCallback, useRef, useState } from "react";
import { TICKET_FIELDS, type TicketField, type TicketFieldErrors, type TicketValues } from "./ticket-fields";

type FieldElement = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | RadioNodeList;

/**
 * The ticket form's fields: uncontrolled inputs (what is typed before hydration is kept), read from the form, each
 * checked when it first loses focus and then on every change; all of them on send, focusing the first wrong one.
 * It does for this one form what react-hook-form did, without its ~9 KB (compressed) on the page's first load.
 */
export function useTicketFields(validate: (values: TicketValues) => Promise<TicketFieldErrors>) {
  const form = useRef<HTMLFormElement>(null);
  const [errors, setErrors] = useState<TicketFieldErrors>({});
  // Fields checked on every change: those touched, and all after a send was tried.
  const watched = useRef(new Set<TicketField>());

  const element = useCallback((name: TicketField) => form.current?.elements.namedItem(name) as FieldElement | null, []);
  const values = () => Object.fromEntries(TICKET_FIELDS.map((name) => [name, element(name)?.value ?? ""])) as TicketValues;
  const focus = (name: TicketField) => {
    const found = element(name);
    ((found instanceof RadioNodeList ? found[0] : found) as HTMLElement | null)?.focus();
  };
  const withError = (current: TicketFieldErrors, name: TicketField, message: string | undefined) => {
    const { [name]: _, ...others } = current;
    return message === undefined ? others : { ...others, [name]: message };
  };

  /** Puts these values in the fields (a draft), or just forgets every error when the form is not shown. */
  const reset = useCallback(
    (next: Partial<TicketValues>) => {
      for (const name of TICKET_FIELDS) {
        const found = element(name);
        if (found instanceof RadioNodeList) {
          for (const radio of found) (radio as HTMLInputElement).checked = (radio as HTMLInputElement).value === next[name];
        } else if (found) found.value = next[name] ?? "";
      }
      setErrors({});
      watched.current.clear();
    },
    [element],
  );

  async function check(name: TicketField) {
    const found = await validate(values());
    setErrors((current) => withError(current, name, found[name]));
  }

  return {
    form,
    errors,
    /** What the fields hold now. */
    values,
    /** The handlers for one field's input (each radio of a group gets the same). */
    field: (name: TicketField) => ({
      name,
      onChange: () => {
        if (watched.current.has(name)) void check(name);
      },
      onBlur: () => {
        watched.current.add(name);
        void check(name);
      },
    }),
    /** Handles the form's submit event: `send` runs with the values only when every field is right. */
    submit: async (event: FormEvent<HTMLFormElement>, send: (values: TicketValues) => Promise<void>) => {
      event.preventDefault();
      const sent = values();
      const found = await validate(sent);
      for (const name of TICKET_FIELDS) watched.current.add(name);
      setErrors(found);
      const first = TICKET_FIELDS.find((name) => found[name] !== undefined);
      if (first) focus(first);
      else await send(sent);
    },
    /** An error only the server could find (a retired category, an address that takes no mail). */
    setError: (name: TicketField, message: string, { focus: focusIt }: { focus: boolean }) => {
      setErrors((current) => withError(current, name, message));
      if (focusIt) focus(name);
    },
    reset,
  };
}
