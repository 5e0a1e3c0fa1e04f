import { describe, expect, it } from "vitest";
import {
  composeTicketEmail,
  type NoticeTicket,
  TRACKING_KEY_PLACEHOLDER,
  TRACKING_LINK_PLACEHOLDER,
  withTrackingLink,
} from "./compose-ticket-email";

const trackingUrl = "https://support.example.test/support/tickets/7?key=abc_DEF-123&v=2";
const ticket: NoticeTicket = {
  id: 7,
  fullName: "Ana Martinez",
  subject: "Question about tour cancellation",
  categoryLabel: "General Inquiry",
  message: "What is your cancellation policy?",
  status: "open",
};

// What someone filing tickets in a stranger's name would put in every field they control.
const spam: NoticeTicket = {
  ...ticket,
  fullName: "Cheap watches at spam.example",
  subject: "Visit spam.example for cheap watches",
  message: "Buy now at https://spam.example/deal",
};

describe("composeTicketEmail", () => {
  it("confirms a new ticket with its number and a place for the private link in both parts", () => {
    const email = composeTicketEmail({ kind: "ticket_created", ticket }, "en");
    expect(email.subject).toBe("We received your ticket [#7]");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("General Inquiry");
      expect(part).toContain(TRACKING_LINK_PLACEHOLDER);
    }
    expect(email.html).toContain(`href="${TRACKING_LINK_PLACEHOLDER}"`);
  });

  it("puts nothing the filer wrote into a confirmation: no name, subject or message", () => {
    const email = composeTicketEmail({ kind: "ticket_created", ticket: spam }, "en");
    for (const part of [email.subject, email.text, email.html]) {
      expect(part).not.toMatch(/spam\.example|watches|Buy now/);
    }
  });

  it("says what changed and what happens next on a move", () => {
    const email = composeTicketEmail({ kind: "status_changed", ticket: { ...ticket, status: "resolved" }, from: "in_progress" }, "en");
    expect(email.subject).toBe("Your ticket [#7] is now resolved: Question about tour cancellation");
    expect(email.text).toContain("Hello Ana Martinez,");
    expect(email.text).toContain("Your ticket moved from in progress to resolved.");
    expect(email.text).toContain("We believe your issue is solved.");
    expect(email.html).toContain("We believe your issue is solved.");
    expect(email.text).toContain("confirm it so we can close the ticket, or tell us what is still wrong");
    expect(email.text).toContain(TRACKING_LINK_PLACEHOLDER);
  });

  it("writes to a Spanish-speaking requester in Spanish, the category by its Spanish label", () => {
    const email = composeTicketEmail(
      { kind: "status_changed", ticket: { ...ticket, categoryLabel: "Consulta general", status: "in_progress" }, from: "open" },
      "es",
    );
    expect(email.subject).toBe("Tu ticket [#7] ahora está en proceso: Question about tour cancellation");
    expect(email.text).toContain("Hola, Ana Martinez:");
    expect(email.text).toContain("Tu ticket pasó de abierto a en proceso.");
    expect(email.text).toContain("Categoría: Consulta general");
    expect(email.html).toContain('<html lang="es-MX">');
    expect(email.html).toContain(">Ver tu ticket</a>");
    expect(email.text).not.toMatch(/\b(Your|ticket is|Hello|Follow)\b/);
  });

  it("escapes the requester's text in the HTML part and keeps the subject on one line", () => {
    const email = composeTicketEmail({
      kind: "status_changed",
      ticket: { ...ticket, fullName: '<img src="https://tracker.example/x.png">', subject: "Help\r\nBcc: victim@example.com" },
      from: "open",
    }, "en");
    expect(email.subject).toBe("Your ticket [#7] is now open: Help Bcc: victim@example.com");
    expect(email.html).not.toMatch(/<img/i);
    expect(email.html).toContain("&lt;img src=&quot;https://tracker.example/x.png&quot;&gt;");
  });

  it("quotes a staff reply with its line breaks, links its files with the tracking key, and says what the reply moved", () => {
    const reply = {
      authorName: "Lucía",
      body: "Hola Ana,\n<b>try</b> again now.",
      attachments: [{ fileName: "steps.png", fileUrl: "https://support.example.test/api/support-tickets/7/attachments/3" }],
    };
    const email = composeTicketEmail({ kind: "staff_reply", ticket: { ...ticket, status: "resolved" }, reply, from: "in_progress" }, "en");
    expect(email.subject).toBe("New reply on your ticket [#7]: Question about tour cancellation");
    expect(email.text).toContain("Lucía, from Kinconecta Support, wrote:\n\nHola Ana,\n<b>try</b> again now.");
    expect(email.text).toContain(`- steps.png: https://support.example.test/api/support-tickets/7/attachments/3?key=${TRACKING_KEY_PLACEHOLDER}`);
    expect(email.text).toContain("Your ticket moved from in progress to resolved.");
    expect(email.html).toContain("white-space:pre-wrap\">Hola Ana,\n&lt;b&gt;try&lt;/b&gt; again now.</blockquote>");
    const sent = withTrackingLink(email, trackingUrl);
    expect(sent.text).toContain("attachments/3?key=abc_DEF-123");
    expect(sent.html).toContain('href="https://support.example.test/api/support-tickets/7/attachments/3?key=abc_DEF-123"');
  });

  it("reminds in Spanish that a resolved ticket waits for an answer", () => {
    const email = composeTicketEmail({ kind: "resolution_reminder", ticket: { ...ticket, status: "resolved" } }, "es");
    expect(email.subject).toBe("¿Ya se resolvió tu problema? Ticket [#7]: Question about tour cancellation");
    expect(email.text).toContain("se cerrará solo");
    expect(email.text).toContain(TRACKING_LINK_PLACEHOLDER);
  });

  it("is readable on a phone and loads nothing from the network", () => {
    const { html } = composeTicketEmail({ kind: "ticket_created", ticket }, "en");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("max-width:560px");
    expect(html).not.toMatch(/<img|<link|url\(|src=/i);
  });
});

describe("withTrackingLink", () => {
  it("puts the link where the placeholder was, escaped in the HTML part", () => {
    const email = composeTicketEmail({ kind: "ticket_created", ticket }, "en");
    const sent = withTrackingLink(email, trackingUrl);
    expect(sent.text).toContain(`Follow your ticket here:\n${trackingUrl}\n`);
    expect(sent.html).toContain(`href="${trackingUrl.replace("&", "&amp;")}"`);
    for (const part of [sent.text, sent.html]) expect(part).not.toContain(TRACKING_LINK_PLACEHOLDER);
  });
});
