import { describe, expect, it } from "vitest";
import { composeTicketEmail, type NoticeTicket } from "./compose-ticket-email";

const trackingUrl = "https://support.example.test/support/tickets/7?key=abc_DEF-123";
const ticket: NoticeTicket = {
  id: 7,
  fullName: "Ana Martinez",
  subject: "Question about tour cancellation",
  category: "General Inquiry",
  message: "What is your cancellation policy?",
  status: "open",
};

describe("composeTicketEmail", () => {
  it("confirms a new ticket with its number, summary and private link in both parts", () => {
    const email = composeTicketEmail({ kind: "ticket_created", ticket, trackingUrl });
    expect(email.subject).toBe("We received your ticket #7: Question about tour cancellation");
    for (const part of [email.text, email.html]) {
      expect(part).toContain("Ana Martinez");
      expect(part).toContain("What is your cancellation policy?");
      expect(part).toContain("General Inquiry");
    }
    expect(email.text).toContain(trackingUrl);
    expect(email.html).toContain(`href="${trackingUrl}"`);
  });

  it("says what changed and what happens next on a move", () => {
    const email = composeTicketEmail({
      kind: "status_changed",
      ticket: { ...ticket, status: "resolved" },
      from: "in_progress",
      trackingUrl,
    });
    expect(email.subject).toBe("Your ticket #7 is now resolved: Question about tour cancellation");
    expect(email.text).toContain("Your ticket moved from in progress to resolved.");
    expect(email.text).toContain("We believe your issue is solved.");
    expect(email.html).toContain("We believe your issue is solved.");
    expect(email.text).toContain(trackingUrl);
  });

  it("escapes the requester's text in the HTML part and keeps the subject on one line", () => {
    const email = composeTicketEmail({
      kind: "ticket_created",
      ticket: {
        ...ticket,
        fullName: '<img src="https://tracker.example/x.png">',
        subject: "Help\r\nBcc: victim@example.com",
        message: "<script>alert(1)</script> & more",
      },
      trackingUrl,
    });
    expect(email.subject).toBe("We received your ticket #7: Help Bcc: victim@example.com");
    expect(email.html).not.toMatch(/<img|<script/i);
    expect(email.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more");
    expect(email.html).toContain("&lt;img src=&quot;https://tracker.example/x.png&quot;&gt;");
  });

  it("is readable on a phone and loads nothing from the network", () => {
    const { html } = composeTicketEmail({ kind: "ticket_created", ticket, trackingUrl });
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("max-width:560px");
    expect(html).not.toMatch(/<img|<link|url\(|src=/i);
  });
});
