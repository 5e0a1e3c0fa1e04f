import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it } from "vitest";
import { fillPlaceholders, INBOUND_FIXTURES, loadFixture, PLACEHOLDERS, type PlaceholderValues } from "@/tests/fixtures/inbound-email/corpus";
import { visibleText } from "./visible-text";

const FIXTURES_DIR = path.resolve(import.meta.dirname, "../../tests/fixtures/inbound-email");

const VALUES: PlaceholderValues = {
  SUPPORT: "support@kinconecta.test",
  REPLY_TO: "support+t8Kq2ZxW4mPa@kinconecta.test",
  OUR_MESSAGE_ID: "<ticket-1042.3.f81c2e@kinconecta.test>",
  TICKET_ID: "1042",
  REQUESTER: "ana.martinez@example.com",
  OWN_ADDRESS: "notificaciones@kinconecta.test",
  RUN: "u7c4unit",
};

/** Text from our own notifications and from signatures: never part of what a requester wrote. */
const NEVER_STORED = [
  "Refunds usually reach",
  "El reembolso suele llegar",
  "The meeting point is in front",
  "Sorry about the trouble paying",
  "Ya corregimos el problema",
  "wrote:",
  "escribió:",
  "Mensaje original",
  "Enviado el:",
  "Sent from my",
  "Enviado desde",
  "Obtener Outlook",
  "Guía certificado",
  "Berlin, Germany",
];

describe("visibleText on the inbound corpus", () => {
  const landing = INBOUND_FIXTURES.filter((fixture) => fixture.body !== undefined);

  it.each(landing.map((fixture) => [fixture.file, fixture] as const))("stores exactly what the sender wrote in %s", async (_file, fixture) => {
    const mail = await simpleParser(loadFixture(fixture.file, VALUES));
    const text = visibleText(mail);

    expect(text).toBe(fillPlaceholders(fixture.body!, VALUES));
    if (!fixture.subject?.startsWith("Fwd:")) {
      for (const phrase of NEVER_STORED) expect(text).not.toContain(phrase);
    }
  });

  it("keeps the forwarded message whole, headers included", async () => {
    const mail = await simpleParser(loadFixture("12-gmail-forward-booking.eml", VALUES));

    expect(visibleText(mail)).toContain("From: Mayan Trails Tours <reservas@mayantrails.example>\nDate: Mon, Nov 30, 2026 at 6:45 PM");
  });

  it("reads the Latin-1 text of a message whose MIME is broken", async () => {
    const mail = await simpleParser(loadFixture("23-malformed-mime-latin1.eml", VALUES));

    expect(visibleText(mail)).toContain("Necesito información sobre el tour a Monte Albán del próximo sábado.");
  });
});

describe("inbound email corpus", () => {
  const files = fs.readdirSync(FIXTURES_DIR).filter((file) => file.endsWith(".eml"));

  it("lists every .eml file once, and every listed file exists", () => {
    expect(files.length).toBeGreaterThanOrEqual(24);
    expect(INBOUND_FIXTURES.map((fixture) => fixture.file).sort()).toEqual(files.sort());
  });

  it.each(files)("%s has CRLF line ends, known placeholders, {{RUN}} in every Message-ID and stays under 200 KB", (file) => {
    const bytes = fs.readFileSync(path.join(FIXTURES_DIR, file));
    const raw = bytes.toString("latin1");

    expect(bytes.length).toBeLessThan(200 * 1024);
    expect(raw).not.toMatch(/(^|[^\r])\n/);
    for (const [, name] of raw.matchAll(/\{\{([^}]*)\}\}/g)) expect(PLACEHOLDERS).toContain(name);
    expect(raw.split("{{").length).toBe(raw.match(/\{\{[A-Z_]+\}\}/g)!.length + 1);
    const messageIds = raw.match(/^Message-ID:.*(?:\r\n[ \t].*)*/gim) ?? [];
    expect(messageIds.length).toBeGreaterThan(0);
    for (const header of messageIds) expect(header).toContain("{{RUN}}");
  });

  it("substitutes placeholders without touching the other bytes", () => {
    const loaded = loadFixture("23-malformed-mime-latin1.eml", { ...VALUES, SUPPORT: "atención@kinconecta.test" });

    expect(loaded.includes(Buffer.from("informaci\xf3n", "latin1"))).toBe(true);
    expect(loaded.includes(Buffer.from("To: atención@kinconecta.test\r\n", "utf8"))).toBe(true);
    expect(loaded.toString("latin1")).not.toContain("{{");
  });
});

describe("visibleText rules beyond email-reply-parser", () => {
  const reply = (text: string, subject = "Re: [#1042] Your ticket: Refund for cancelled tour") => visibleText({ text, subject });
  const htmlReply = (html: string, subject = "Re: [#1042] Your ticket: Refund for cancelled tour") => visibleText({ html, subject });

  it("cuts Outlook's Original Message block even without a blank line before it", () => {
    expect(
      reply(
        "Sure, Thursday works.\n-----Original Message-----\nFrom: Kinconecta Support <notificaciones@kinconecta.test>\nSent: Tuesday, December 1, 2026 10:02 AM\nTo: Tom\nSubject: Rebooking\n\nWhich day suits you?",
      ),
    ).toBe("Sure, Thursday works.");
    expect(reply("Gracias.\n-----Mensaje original-----\nDe: Soporte Kinconecta\nEnviado: martes, 1 de diciembre de 2026 10:02\n\n¿Qué día te queda?")).toBe("Gracias.");
  });

  it("cuts an Outlook header block without an address, with the underscore rule above it", () => {
    const text = reply(
      "Thanks!\n\n________________________________\nFrom: Kinconecta Support\nSent: Tuesday, December 1, 2026 10:02 AM\nTo: Emily Carter\nSubject: Refund\n\nRefunds usually reach your account within 5 to 10 business days.",
    );

    expect(text).toBe("Thanks!");
    expect(
      reply("Perfecto.\n\nDe: Soporte Kinconecta\nEnviado el: martes, 1 de diciembre de 2026 10:02\nPara: Ana\nCC: Carlos\nAsunto: Reembolso\n\nEl reembolso suele llegar pronto."),
    ).toBe("Perfecto.");
  });

  it("keeps From:/Date: lines of the sender's own text that are no header block", () => {
    const itinerary = "Our plan:\nFrom: Oaxaca\nDate: December 5\nTo: Puebla\n\nCan the guide join us?";

    expect(reply(itinerary)).toBe(itinerary);
  });

  it("cuts Outlook mobile's footer in Spanish and in English", () => {
    expect(reply("Listo, gracias.\n\nObtener Outlook para Android<https://aka.ms/AAb9ysg>")).toBe("Listo, gracias.");
    expect(reply("Done, thanks.\n\nGet Outlook for iOS<https://aka.ms/o0ukef>")).toBe("Done, thanks.");
  });

  it("drops Outlook's #divRplyFwdMsg and everything after it in HTML", () => {
    const html = `<div><div>The refund is still missing.</div><hr style="display:inline-block;width:98%"><div id="divRplyFwdMsg" dir="ltr"><b>From:</b> Kinconecta Support</div></div><div><p>Refunds usually reach your account within 5 to 10 business days.</p></div>`;

    expect(htmlReply(html)).toBe("The refund is still missing.");
  });

  // Catalan attributions, which email-reply-parser does not know: only the markup tells the quote apart.
  it("drops the quote markup of Gmail, Apple Mail and Thunderbird in HTML", () => {
    expect(
      htmlReply(
        `<div dir="ltr">Yes, please.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">El dt., 1 de des. 2026 a les 10:02, Kinconecta Support (&lt;x@kinconecta.test&gt;) va escriure:<br></div><blockquote class="gmail_quote">Shall we rebook?</blockquote></div>`,
      ),
    ).toBe("Yes, please.");
    expect(
      htmlReply(
        `<div dir="ltr">See you there.</div><div dir="ltr"><br><blockquote type="cite">El 1 de des. 2026, a les 10:02, Kinconecta Support &lt;x@kinconecta.test&gt; va escriure:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">Meet at 7:30.</div></blockquote>`,
      ),
    ).toBe("See you there.");
    expect(
      htmlReply(
        `<p>Thursday works for me.</p><div class="moz-cite-prefix">El 1/12/26 a les 10:02, Kinconecta Support ha escrit:<br></div><blockquote type="cite" cite="mid:x@kinconecta.test">Which day?</blockquote><pre class="moz-signature" cols="72">Jonas</pre>`,
      ),
    ).toBe("Thursday works for me.");
  });

  it("keeps Outlook's one-paragraph-per-line HTML as lines", () => {
    const line = (text: string) => `<p class="MsoNormal">${text}<o:p></o:p></p>`;
    const html = [
      line("Hola,"),
      line("&nbsp;"),
      line("Una pregunta sobre el tour."),
      line("&nbsp;"),
      line("Saludos,"),
      line("Ana"),
      `<div style="border:none;border-top:solid #E1E1E1 1.0pt">${line("<b>De:</b> Soporte Kinconecta<br><b>Enviado el:</b> martes, 1 de diciembre de 2026 10:02<br><b>Para:</b> Ana<br><b>Asunto:</b> Reembolso")}</div>`,
      line("El reembolso suele llegar pronto."),
    ].join("\n");

    expect(htmlReply(html)).toBe("Hola,\n\nUna pregunta sobre el tour.\n\nSaludos,\nAna");
  });

  it("converts the HTML itself when mailparser made the text from it", async () => {
    const raw = [
      "From: Emily <emily@example.com>",
      "To: support@kinconecta.test",
      "Subject: Re: [#1042] Your ticket: Refund",
      "MIME-Version: 1.0",
      'Content-Type: text/html; charset="utf-8"',
      "",
      `<div dir="ltr">Yes, please.</div><div class="gmail_quote"><div class="gmail_attr">On Tue, Dec 1, 2026 at 10:02 AM Support &lt;x@kinconecta.test&gt; wrote:</div><blockquote class="gmail_quote">Shall we rebook?</blockquote></div>`,
    ].join("\r\n");
    const mail = await simpleParser(raw);

    expect(mail.text).toContain("Shall we rebook?");
    expect(visibleText(mail)).toBe("Yes, please.");
  });

  it("keeps a forward whole, by subject or by a marker above anything quoted", () => {
    const outlookForward =
      "Les reenvío la confirmación.\n\n________________________________\nDe: Mayan Trails <reservas@mayantrails.example>\nEnviado: lunes, 30 de noviembre de 2026 18:45\nPara: Ana\nAsunto: Confirmación\n\nTu reserva está confirmada.";
    expect(reply(outlookForward, "RV: Confirmación de reserva")).toBe(outlookForward);

    const originalOnTop = "-----Mensaje original-----\nDe: Mayan Trails <reservas@mayantrails.example>\nEnviado: lunes, 30 de noviembre de 2026 18:45\n\nTu reserva está confirmada.";
    expect(reply(originalOnTop, "Confirmación de reserva")).toBe(originalOnTop);

    const noteOnTop = "Charged twice, see below.\n\n---------- Forwarded message ---------\nFrom: Mayan Trails <reservas@mayantrails.example>\nDate: Mon, Nov 30, 2026 at 6:45 PM\n\nBooking confirmed.";
    expect(reply(noteOnTop, "Booking confirmation")).toBe(noteOnTop);
  });

  it("does not take a forward quoted in a reply for a forward", () => {
    const text = "Thanks!\n\nOn Tue, Dec 1, 2026 at 10:02 AM Kinconecta Support <x@kinconecta.test> wrote:\n\n> ---------- Forwarded message ---------\n> From: Mayan Trails <reservas@mayantrails.example>\n> Booking confirmed.";

    expect(reply(text)).toBe("Thanks!");
  });

  it("keeps closings that email-reply-parser takes for signatures", () => {
    const quote = "\n\nOn Tue, Dec 1, 2026 at 10:02 AM Kinconecta Support <x@kinconecta.test> wrote:\n> Hello";

    expect(reply(`Thanks for the help.\n\nBest regards,\nAna${quote}`)).toBe("Thanks for the help.\n\nBest regards,\nAna");
    expect(reply(`All sorted.\n\nCheers,\nTom${quote}`)).toBe("All sorted.\n\nCheers,\nTom");
  });

  it("cuts real signatures", () => {
    expect(reply("See you Saturday.\n\n-- \nAna Martínez\nGuía certificada")).toBe("See you Saturday.");
    expect(reply("See you Saturday.\n\nSent from my Galaxy")).toBe("See you Saturday.");
    expect(reply("Nos vemos el sábado.\n\nEnviado desde mi iPhone")).toBe("Nos vemos el sábado.");
  });

  it("returns the whole text when cutting would leave nothing", () => {
    expect(reply("> Hello Emily,\n> Your refund is on its way.\n")).toBe("> Hello Emily,\n> Your refund is on its way.");
    expect(reply("  \r\n ")).toBe("");
    expect(visibleText({})).toBe("");
  });

  it("normalises line ends, trailing spaces and runs of blank lines", () => {
    expect(reply("Hola,  \r\n\r\n\r\n\r\nuna pregunta.\t\r\n")).toBe("Hola,\n\nuna pregunta.");
  });

  it("does not truncate long text", () => {
    const long = Array.from({ length: 200 }, (_, i) => `Line ${i}: ${"x".repeat(60)}`).join("\n");

    expect(reply(long)).toBe(long);
  });
});
