import path from "node:path";
import { axeViolationsOf, expect, moveViaApi, PNG_FILE, test, tokenHeaders, uniqueEmail } from "./fixtures";

const screenshots = path.resolve(import.meta.dirname, "../docs/screenshots");

test("an agent and a requester talk a ticket through to a confirmed fix and a rating", async ({
  page: agent,
  browser,
  request,
  signInAsStaff,
}) => {
  test.setTimeout(120_000);
  const filed = await request.post("/api/support-tickets", {
    data: {
      roleContext: "tourist",
      fullName: "Ana Martínez",
      email: uniqueEmail("conversation"),
      subject: `El pago no pasa ${Date.now()}`,
      category: "Booking Issues",
      message: "Intento reservar el tour de mañana y el pago falla.\nMe sale un error.",
      locale: "es",
    },
  });
  expect(filed.status()).toBe(201);
  const { id, trackingUrl } = (await filed.json()) as { id: number; trackingUrl: string };

  // The agent: an internal note with the keyboard (n, Ctrl+Enter), then a reply with a screenshot (r).
  await signInAsStaff();
  await agent.goto(`/staff/tickets/${id}`);
  const timeline = agent.getByRole("list", { name: "Conversation" });
  await expect(timeline).toContainText("Me sale un error.");
  // The conversation is server-rendered, so it shows before the page's shortcuts are listening: press until one is.
  const noteField = agent.getByLabel("Internal note — not sent to the requester");
  await expect(async () => {
    await agent.keyboard.press("n");
    await expect(noteField).toBeFocused({ timeout: 500 });
  }).toPass();
  await agent.keyboard.type("Revisar el cobro en el proveedor de pagos.");
  await agent.keyboard.press("Control+Enter");
  await expect(agent.getByText("Internal note saved.")).toBeVisible();
  const note = timeline.getByRole("listitem").filter({ hasText: "Revisar el cobro" });
  await expect(note).toContainText("Internal note — not sent to the requester");

  await agent.getByRole("heading", { level: 1 }).click(); // out of the field, where single keys are shortcuts
  await agent.keyboard.press("r");
  const reply = agent.getByLabel("Reply to Ana Martínez");
  await expect(reply).toBeFocused();
  await reply.fill("Hola Ana, ¿puedes probar de nuevo?\nMás ayuda: https://kinconecta.com/ayuda");
  await agent.getByLabel("Attach files").setInputFiles(PNG_FILE);
  await agent.getByRole("button", { name: "Send", exact: true }).click();
  await expect(agent.getByText("Reply sent to the requester.")).toBeVisible();
  await expect(reply).toHaveValue("");
  const sent = timeline.getByRole("listitem").filter({ hasText: "¿puedes probar de nuevo?" });
  await expect(sent.getByRole("link", { name: "screenshot.png" })).toBeVisible();

  // The requester, on a phone and in Spanish, reads the reply with its screenshot and answers.
  const phone = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: "es-MX", baseURL: process.env.BASE_URL });
  const requester = await phone.newPage();
  await requester.goto(trackingUrl);
  const conversation = requester.getByRole("list", { name: "Conversación" });
  const answer = conversation.getByRole("listitem").filter({ hasText: "¿puedes probar de nuevo?" });
  await expect(answer).toContainText("Equipo de soporte");
  await expect(answer.getByRole("link", { name: "https://kinconecta.com/ayuda" })).toHaveAttribute("href", "https://kinconecta.com/ayuda");
  await expect(answer.locator("img")).toHaveJSProperty("naturalWidth", 1);
  await expect(requester.getByText("Revisar el cobro")).toHaveCount(0);
  await requester.getByLabel("Responde al equipo de soporte").fill("Lo intenté otra vez y sigue fallando.");
  await requester.getByRole("button", { name: "Enviar respuesta" }).click();
  await expect(requester.getByText("Enviamos tu respuesta.", { exact: false })).toBeVisible();
  await expect(conversation).toContainText("Lo intenté otra vez");
  expect(await requester.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(await axeViolationsOf(requester)).toEqual([]);

  // The agent sees the answer arrive, replies and resolves in one step.
  await expect(timeline).toContainText("Lo intenté otra vez", { timeout: 15_000 });
  await reply.fill("Ya corregimos el cobro; prueba ahora.");
  await agent.getByRole("button", { name: "Send and resolve" }).click();
  await expect(agent.getByText("Reply sent and the ticket is resolved.")).toBeVisible();

  // "Not solved", with what is still wrong: the ticket goes back to the agent.
  await requester.reload();
  await expect(requester.getByRole("heading", { name: "¿Se resolvió tu problema?" })).toBeVisible();
  await requester.getByRole("button", { name: "No, todavía necesito ayuda" }).click();
  await requester.getByRole("button", { name: "Enviar y reabrir" }).click();
  await expect(requester.getByText("Cuéntanos qué sigue fallando")).toBeVisible();
  await requester.getByLabel("¿Qué sigue fallando?").fill("Ahora el cargo aparece dos veces.");
  await requester.getByRole("button", { name: "Enviar y reabrir" }).click();
  await expect(conversation).toContainText("Ahora el cargo aparece dos veces.");
  await expect(requester.getByRole("heading", { name: "¿Se resolvió tu problema?" })).toHaveCount(0);

  // The agent resolves again once the ticket shows it is back in progress (the composer needs its new version).
  await expect(timeline).toContainText("Ahora el cargo aparece dos veces.", { timeout: 15_000 });
  await expect(agent.getByText("Status: In progress")).toBeVisible({ timeout: 15_000 });
  await reply.fill("Reembolsamos el cargo doble.");
  await agent.getByRole("button", { name: "Send and resolve" }).click();
  await expect(agent.getByText("Reply sent and the ticket is resolved.")).toBeVisible();

  // The requester confirms, rates once, and can open a new ticket that names this one.
  await requester.reload();
  await requester.getByRole("button", { name: "Sí, ciérralo" }).click();
  await expect(requester.getByRole("heading", { name: "¿Cómo te atendimos?" })).toBeVisible();
  await requester.getByRole("radio", { name: "5 Muy buena" }).check();
  await requester.getByLabel("¿Algo más que quieras contarnos? (opcional)").fill("¡Muy rápidos, gracias!");
  await requester.getByRole("button", { name: "Enviar calificación" }).click();
  await expect(requester.getByText("¡Gracias por tu calificación!")).toBeVisible();
  await requester.reload();
  await expect(requester.getByText("¡Gracias por tu calificación!")).toBeVisible();
  await expect(requester.getByRole("button", { name: "Enviar calificación" })).toHaveCount(0);
  await expect(requester.getByLabel("Responde al equipo de soporte")).toHaveCount(0);
  await expect(requester.getByText("Revisar el cobro")).toHaveCount(0);
  const newTicket = requester.getByRole("link", { name: "Abrir un ticket nuevo sobre esto" });
  await expect(newTicket).toHaveAttribute("href", `/support/new?about=${id}`);
  expect(await axeViolationsOf(requester)).toEqual([]);
  await requester.getByRole("list", { name: "Conversación" }).scrollIntoViewIfNeeded();
  await requester.screenshot({ path: path.join(screenshots, "conversation-requester-es.png"), fullPage: true });
  await newTicket.click();
  await expect(requester.getByLabel("Asunto").or(requester.getByLabel("Subject"))).toHaveValue(`Sobre el ticket #${id}`);
  await phone.close();

  const closed = await request.get(`/api/support-tickets/${id}`, { headers: tokenHeaders() });
  expect(await closed.json()).toMatchObject({ status: "closed", closedReason: "confirmed", satisfaction: { rating: 5 } });
  await agent.reload();
  await expect(agent.getByRole("region", { name: "Satisfaction" })).toContainText("5 out of 5");
  await expect(agent.getByRole("region", { name: "Satisfaction" })).toContainText("¡Muy rápidos, gracias!");
  expect(await axeViolationsOf(agent)).toEqual([]);
  await agent.screenshot({ path: path.join(screenshots, "conversation-staff.png"), fullPage: true });
});

test("the queue puts tickets waiting for a staff reply first, with a badge, and follows a requester's answer", async ({
  page,
  request,
  signInAsStaff,
}) => {
  const word = `Queueorder${Date.now()}`;
  const file = async (subject: string) => {
    const response = await request.post("/api/support-tickets", {
      data: { roleContext: "guide", fullName: "Luis Ortega", email: uniqueEmail("queue"), subject: `${word} ${subject}`, category: "Billing", message: "My payout has not arrived." },
    });
    expect(response.status()).toBe(201);
    return (await response.json()) as { id: number; trackingUrl: string };
  };
  const older = await file("older");
  const newer = await file("newer");
  // Staff answered both: neither waits for staff.
  for (const { id } of [older, newer]) {
    const answered = await request.post(`/api/support-tickets/${id}/messages`, { headers: tokenHeaders(), data: { body: "We are on it." } });
    expect(answered.status()).toBe(201);
  }

  await signInAsStaff();
  await page.goto(`/staff?status=open&q=${word}`);
  const rows = page.getByRole("table").getByRole("row").filter({ hasText: word });
  await expect(rows).toHaveText([/newer/, /older/]);
  await expect(page.getByText("Needs reply")).toHaveCount(0);

  // The requester of the older ticket answers: the open queue moves it up by itself, with the badge.
  const key = new URL(older.trackingUrl).searchParams.get("key")!;
  const answered = await request.post(`/api/support-tickets/${older.id}/messages`, {
    headers: { "x-tracking-key": key },
    data: { body: "It still has not arrived." },
  });
  expect(answered.status()).toBe(201);
  await expect(rows).toHaveText([/older\s*Needs reply/, /newer/], { timeout: 15_000 });
});

test("send and resolve on a ticket someone else just moved sends nothing and keeps the text", async ({
  page,
  request,
  signInAsStaff,
  createTicket,
  apiTicket,
}) => {
  const ticket = await createTicket();
  await signInAsStaff();
  await page.goto(`/staff/tickets/${ticket.id}`);
  const reply = page.getByLabel(`Reply to ${ticket.fullName}`);
  await reply.fill("Your payout is on its way.");

  // Hold the page's own refreshes of the ticket, so it still has the version from before the other agent's move.
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**/api/support-tickets/${ticket.id}`, async (route) => {
    await released;
    await route.continue();
  });
  expect((await moveViaApi(request, ticket.id, "in_progress")).status()).toBe(200);
  const refused = page.waitForResponse((response) => response.url().endsWith(`/api/support-tickets/${ticket.id}/messages`));
  await page.getByRole("button", { name: "Send and resolve" }).click();
  expect((await refused).status()).toBe(412);
  release();

  await expect(page.getByText("Not sent: someone else changed this ticket first. It is now In progress.", { exact: false })).toBeVisible();
  await expect(reply).toHaveValue("Your payout is on its way.");
  expect((await apiTicket(ticket.id)).status).toBe("in_progress");
  const messages = await request.get(`/api/support-tickets/${ticket.id}/messages`, { headers: tokenHeaders() });
  expect(((await messages.json()) as Array<{ body: string }>).map((message) => message.body)).not.toContain("Your payout is on its way.");
});

test("an answer by email shows on both sides as by email, with the file it could not take; staff open the original", async ({
  page,
  browser,
  request,
  signInAsStaff,
  createTicket,
}) => {
  const ticket = await createTicket();
  const outbox = await request.get(`/api/outbox-messages?ticketId=${ticket.id}`, { headers: tokenHeaders() });
  const [confirmation] = (await outbox.json()) as Array<{ replyTo: string; messageId: string }>;
  const boundary = "b1";
  const email = [
    `From: ${ticket.fullName} <${ticket.email}>`,
    `To: ${confirmation!.replyTo}`,
    `Subject: Re: [#${ticket.id}] ${ticket.subject}`,
    `Message-ID: <e2e.${Date.now()}@mail.example.com>`,
    `In-Reply-To: ${confirmation!.messageId}`,
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=utf-8",
    "",
    "The payout arrived this morning, thank you!",
    "",
    "On Tue, Dec 1, 2026 at 10:02 AM Kinconecta Support <support@kinconecta.test> wrote:",
    "> We are on it.",
    `--${boundary}`,
    'Content-Type: application/octet-stream; name="payout.exe"',
    'Content-Disposition: attachment; filename="payout.exe"',
    "Content-Transfer-Encoding: base64",
    "",
    Buffer.from("MZ\x90\x00 not a real program").toString("base64"),
    `--${boundary}--`,
    "",
  ].join("\r\n");
  const taken = await request.post("/api/inbound-email", {
    headers: { authorization: `Bearer ${process.env.INBOUND_EMAIL_SECRET}`, "content-type": "message/rfc822" },
    data: Buffer.from(email),
  });
  expect(await taken.json()).toMatchObject({ outcome: "reply", ticketId: ticket.id, reason: "token" });

  await signInAsStaff();
  await page.goto(`/staff/tickets/${ticket.id}`);
  const message = page.getByRole("list", { name: "Conversation" }).getByRole("listitem").filter({ hasText: "The payout arrived this morning" });
  await expect(message).toContainText("by email");
  await expect(message).not.toContainText("We are on it.");
  await expect(message).toContainText('"payout.exe" is not an allowed file type');
  const download = page.waitForEvent("download");
  await message.getByRole("link", { name: "Original email" }).click();
  expect((await download).suggestedFilename()).toMatch(/^ticket-\d+-message-\d+\.eml$/);

  // The requester sees the same message and the refused file, but no original.
  const requester = await browser.newPage();
  await requester.goto((await (await request.post(`/api/support-tickets/${ticket.id}/tracking-link`, { headers: tokenHeaders() })).json()).trackingUrl);
  const theirs = requester.getByRole("listitem").filter({ hasText: "The payout arrived this morning" });
  await expect(theirs).toContainText('"payout.exe" is not an allowed file type');
  await expect(theirs.getByRole("link", { name: "Original email" })).toHaveCount(0);
  await requester.close();
});
