import type { TicketValues } from "./ticket-fields";

// The typed fields survive a reload, a crash or a failed send until the ticket is created. Files cannot
// be kept in localStorage; the form says so.
const DRAFT_KEY = "kinconecta:ticket-draft:v1";

export interface TicketDraft {
  values: Partial<TicketValues>;
  /** When the person started filling the form (ms since epoch), for the minimum fill time. */
  startedAt: number;
}

export function loadDraft(): TicketDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(DRAFT_KEY) ?? "null") as TicketDraft | null;
    return draft && typeof draft.startedAt === "number" && typeof draft.values === "object" ? draft : null;
  } catch {
    return null;
  }
}

export function saveDraft(draft: TicketDraft): void {
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  } catch {
    // Private mode or a full quota: the form still works, only without a draft.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(DRAFT_KEY);
  } catch {
    // as above
  }
}
