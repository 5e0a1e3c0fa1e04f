// A reply being written survives a reload, a crash or a failed send, per ticket, until it is sent. Files cannot be
// kept in localStorage; only the text and (for staff) whether it is a reply or a note.

export interface ReplyDraft {
  body: string;
  kind: "reply" | "note";
}

const draftKey = (ticketId: number) => `kinconecta:reply-draft:v1:${ticketId}`;

export function loadReplyDraft(ticketId: number): ReplyDraft | null {
  try {
    const draft = JSON.parse(localStorage.getItem(draftKey(ticketId)) ?? "null") as Partial<ReplyDraft> | null;
    if (typeof draft?.body !== "string") return null;
    return { body: draft.body, kind: draft.kind === "note" ? "note" : "reply" };
  } catch {
    return null;
  }
}

export function saveReplyDraft(ticketId: number, draft: ReplyDraft): void {
  try {
    if (draft.body.trim()) localStorage.setItem(draftKey(ticketId), JSON.stringify(draft));
    else localStorage.removeItem(draftKey(ticketId));
  } catch {
    // Private mode or a full quota: the composer still works, only without a draft.
  }
}

export function clearReplyDraft(ticketId: number): void {
  saveReplyDraft(ticketId, { body: "", kind: "reply" });
}
