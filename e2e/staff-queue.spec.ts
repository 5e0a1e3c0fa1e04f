import AxeBuilder from "@axe-core/playwright";
import { STAFF } from "./staff-account";
import { alertMessage, type ApiTicket, expect, moveViaApi, test, tokenHeaders, uniqueEmail } from "./fixtures";

// These specs read the English pages; e2e/staff-language.spec.ts covers the Spanish desk.
test.use({ locale: "en-US" });

test.describe("staff sign-in", () => {
  test("a signed-out browser is sent to the sign-in page and the API refuses it", async ({ page, request }) => {
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/login$/);
    expect((await request.get("/api/support-tickets")).status()).toBe(401);
  });

  test("a wrong password shows a clear message", async ({ page }) => {
    await page.goto("/staff/login");
    await page.getByLabel("Email").fill("agent@kinconecta.test");
    await page.getByLabel("Password").fill("wrong-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alertMessage(page)).toHaveText("Wrong email or password.");
  });

  test("after signing out, going back shows no ticket data", async ({ page, signInAsStaff, createTicket }) => {
    const ticket = await createTicket();
    await signInAsStaff();
    await page.getByRole("link", { name: ticket.subject }).click();
    await expect(page.getByRole("heading", { level: 1, name: ticket.subject })).toBeVisible();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/staff\/login$/);
    await page.goBack();
    await expect(page).toHaveURL(/\/staff\/login$/);
    await expect(page.getByText(ticket.subject)).toHaveCount(0);
  });
});

test.describe("triage", () => {
  test("a ticket created through the API appears in Open and moves through the workflow from the UI", async ({
    page,
    request,
    signInAsStaff,
    createTicket,
    apiTicket,
  }) => {
    const ticket = await createTicket();
    await signInAsStaff();
    const statusTabs = page.getByRole("navigation", { name: "Ticket status" });
    await expect(statusTabs.getByRole("link", { name: /^Open/ })).toHaveAttribute("aria-current", "page");
    await page.getByRole("link", { name: ticket.subject }).click();

    const moves = page.getByRole("region", { name: "Move this ticket" });
    await expect(moves.getByRole("button")).toHaveText(["Start", "Resolve", "Close ticket"]);
    await moves.getByRole("button", { name: "Start" }).click();
    await expect(page.getByRole("status")).toHaveText("Moved to In progress.");
    expect((await apiTicket(ticket.id)).status).toBe("in_progress");

    await expect(moves.getByRole("button")).toHaveText(["Back to open", "Resolve", "Close ticket"]);
    await moves.getByRole("button", { name: "Resolve" }).click();
    await expect(page.getByRole("status")).toHaveText("Moved to Resolved.");
    expect((await apiTicket(ticket.id)).status).toBe("resolved");

    await expect(moves.getByRole("button")).toHaveText(["Reopen", "Close ticket"]);
    await moves.getByRole("button", { name: "Close ticket" }).click();
    await expect(page.getByRole("status")).toHaveText("Moved to Closed.");
    expect((await apiTicket(ticket.id)).status).toBe("closed");
    await expect(moves.getByRole("button")).toHaveCount(0);
    await expect(page.getByText("Closed tickets are final.")).toBeVisible();

    const forced = await moveViaApi(request, ticket.id, "in_progress");
    expect(forced.status()).toBe(409);

    await page.getByRole("link", { name: "Back to the queue" }).click();
    await page.getByRole("navigation", { name: "Ticket status" }).getByRole("link", { name: /^Closed/ }).click();
    await expect(page.getByRole("link", { name: ticket.subject })).toBeVisible();
  });

  test("filters live in the URL, so a view can be bookmarked", async ({ page, signInAsStaff, createTicket }) => {
    const guide = await createTicket({ roleContext: "guide", category: "Technical Issue", subject: `Zebra app crash ${Date.now()}` });
    const tourist = await createTicket({ roleContext: "tourist", category: "Technical Issue" });
    await signInAsStaff();
    await page.getByLabel("Category").selectOption("Technical Issue");
    await page.getByLabel("Role").selectOption("guide");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/category=Technical\+Issue/);
    await expect(page).toHaveURL(/roleContext=guide/);
    await expect(page.getByRole("link", { name: guide.subject })).toBeVisible();
    await expect(page.getByRole("link", { name: tourist.subject })).toHaveCount(0);

    await page.getByLabel("Search").fill("zebra");
    await page.getByLabel("Search").press("Enter");
    await expect(page).toHaveURL(/q=zebra/);
    await page.reload();
    await expect(page.getByLabel("Search")).toHaveValue("zebra");
    await expect(page.getByRole("link", { name: guide.subject })).toBeVisible();
  });

  test("an agent marks a ticket urgent; the queue shows it with a badge and filters by priority", async ({
    page,
    signInAsStaff,
    createTicket,
    apiTicket,
  }) => {
    const urgent = await createTicket();
    const normal = await createTicket();
    await signInAsStaff();
    await page.goto(`/staff/tickets/${urgent.id}`);
    await page.getByLabel("Priority").selectOption("urgent");
    await expect(page.getByRole("status")).toHaveText("Priority set to Urgent.");
    expect((await apiTicket(urgent.id)).priority).toBe("urgent");
    await expect(page.getByRole("list", { name: "Conversation" }).getByText("Priority: Normal → Urgent")).toBeVisible();

    await page.getByRole("link", { name: "Back to the queue" }).click();
    // Hydration sets each filter back to its default, so choose until the page is listening.
    await expect(async () => {
      await page.getByLabel("Priority", { exact: true }).selectOption("urgent");
      await expect(page).toHaveURL(/priority=urgent/, { timeout: 1_000 });
    }).toPass();
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: urgent.subject }) });
    await expect(row.getByText("Urgent", { exact: true })).toBeVisible();
    await expect(page.getByRole("link", { name: normal.subject })).toHaveCount(0);
  });

  test("an agent takes a ticket: it leaves Unassigned and shows in Mine with its owner", async ({ page, signInAsStaff, createTicket }) => {
    const ticket = await createTicket();
    await signInAsStaff();
    await page.getByRole("navigation", { name: "Whose tickets" }).getByRole("link", { name: "Unassigned" }).click();
    await expect(page).toHaveURL(/assignee=none/);
    await page.getByRole("link", { name: ticket.subject }).click();
    await expect(page.getByText("Owner: nobody")).toBeVisible();
    await page.getByRole("button", { name: "Assign to me" }).click();
    await expect(page.getByRole("status")).toHaveText(/^Now owned by /);
    await expect(page.getByRole("button", { name: "Unassign" })).toBeVisible();

    await page.getByRole("link", { name: "Back to the queue" }).click();
    await page.getByRole("navigation", { name: "Whose tickets" }).getByRole("link", { name: "Mine" }).click();
    await expect(page).toHaveURL(/assignee=me/);
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: ticket.subject }) });
    await expect(row).toBeVisible();
    await expect(row.getByRole("cell").nth(5)).not.toHaveText("Nobody");
    await page.getByRole("navigation", { name: "Whose tickets" }).getByRole("link", { name: "Unassigned" }).click();
    await expect(page).toHaveURL(/assignee=none/);
    await expect(page.getByRole("link", { name: ticket.subject })).toHaveCount(0);
  });

  test("an agent's Mine view, due soonest first, shows what is late; j and Enter take the next ticket to break its promise", async ({
    browser,
    page,
    request,
    signInAsStaff,
    createTicket,
  }) => {
    // An agent of its own, so Mine holds exactly this test's tickets.
    await signInAsStaff();
    const agent = { email: uniqueEmail("due-agent"), password: "due-agent-password-1" };
    const created = await page.request.post("/api/admin/staff-accounts", {
      headers: { origin: new URL(page.url()).origin },
      data: { ...agent, role: "agent" },
    });
    expect(created.status()).toBe(201);
    const { id: agentId } = (await created.json()) as { id: string };

    const threeDaysAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000).toISOString();
    const imported = await request.post("/api/support-tickets", {
      headers: tokenHeaders(),
      data: { roleContext: "tourist", fullName: "Eva Ruiz", email: uniqueEmail("late"), subject: `Refund still pending ${Date.now()}`, category: "Billing", message: "Waiting since Monday.", createdAt: threeDaysAgo, updatedAt: threeDaysAgo },
    });
    const late = (await imported.json()) as ApiTicket;
    const normal = await createTicket();
    const urgent = await createTicket();
    for (const [ticket, changes] of [[late, {}], [normal, {}], [urgent, { priority: "urgent" }]] as const) {
      const patched = await request.patch(`/api/support-tickets/${ticket.id}`, { headers: tokenHeaders(), data: { assigneeId: agentId, ...changes } });
      expect(patched.status()).toBe(200);
    }

    const context = await browser.newContext({ locale: "en-US" });
    const desk = await context.newPage();
    await desk.goto("/staff/login");
    await desk.getByLabel("Email").fill(agent.email);
    await desk.getByLabel("Password").fill(agent.password);
    await desk.getByRole("button", { name: "Sign in" }).click();
    // Mine opens as a work list: due soonest first.
    await desk.getByRole("navigation", { name: "Whose tickets" }).getByRole("link", { name: "Mine" }).click();
    await expect(desk).toHaveURL(/assignee=me/);
    await expect(desk).toHaveURL(/sort=dueAt/);
    await expect(desk.getByLabel("Sort")).toHaveValue("dueAt");

    const links = desk.getByRole("table").getByRole("link");
    await expect(links).toHaveText([late.subject, urgent.subject, normal.subject]);
    const lateRow = desk.getByRole("row").filter({ has: desk.getByRole("link", { name: late.subject }) });
    await expect(lateRow.getByText(/^Late by \d+ d/)).toBeVisible();
    const urgentRow = desk.getByRole("row").filter({ has: desk.getByRole("link", { name: urgent.subject }) });
    await expect(urgentRow.getByText(/^in \d+/)).toBeVisible();

    await desk.keyboard.press("j");
    await expect(desk.getByRole("link", { name: late.subject })).toBeFocused();
    await desk.keyboard.press("Enter");
    await expect(desk.getByRole("heading", { level: 1, name: late.subject })).toBeVisible();
    await context.close();
  });

  test("bulk, by keyboard: x selects rows, b goes to the actions, and the selected tickets change together", async ({
    page,
    signInAsStaff,
    createTicket,
    apiTicket,
  }) => {
    const word = `Marimba${Date.now()}`;
    const first = await createTicket({ subject: `${word} booking lost` });
    const second = await createTicket({ subject: `${word} guide no-show` });
    await signInAsStaff();
    await page.goto(`/staff?q=${word}`);
    await expect(page.getByRole("table").getByRole("link")).toHaveCount(2);
    // The queue arrives server-rendered; its keys work once React has hydrated it, a moment later.
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await page.keyboard.press("Escape");
    await page.getByRole("link", { name: second.subject }).focus();
    await page.keyboard.press("x");
    await expect(page.getByRole("checkbox", { name: `Select ticket #${second.id}` })).toBeChecked();
    await page.keyboard.press("j");
    await page.keyboard.press("x");
    await expect(page.getByRole("checkbox", { name: `Select ticket #${first.id}` })).toBeChecked();
    await expect(page.getByRole("heading", { name: "2 tickets selected" })).toBeVisible();

    await page.keyboard.press("b");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Assign to me" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("status")).toHaveText("2 tickets changed.");
    for (const { id } of [first, second]) expect((await apiTicket(id)).assignee).not.toBeNull();
    await expect(page.getByRole("heading", { name: /^Select tickets/ })).toBeVisible();
  });

  test("two agents: A's move shows in B's queue without a reload, and B's stale move shows the conflict and the true state", async ({
    browser,
    signInAsStaff,
    createTicket,
    request,
  }) => {
    const agentA = await browser.newPage();
    const agentB = await browser.newPage();
    await signInAsStaff(agentA);
    await signInAsStaff(agentB);
    const ticket = await createTicket();
    const inBQueue = agentB.getByRole("link", { name: ticket.subject });
    await expect(inBQueue).toBeVisible({ timeout: 10_000 });

    await agentA.getByRole("link", { name: ticket.subject }).click();
    await agentA.getByRole("region", { name: "Move this ticket" }).getByRole("button", { name: "Start" }).click();
    await expect(agentA.getByRole("status")).toHaveText("Moved to In progress.");
    await expect(inBQueue).toHaveCount(0, { timeout: 10_000 }); // gone from B's Open tab by polling

    const second = await createTicket();
    await agentB.goto(`/staff/tickets/${second.id}`);
    await expect(agentB.getByRole("button", { name: "Resolve", exact: true })).toBeVisible();
    expect((await moveViaApi(request, second.id, "in_progress")).status()).toBe(200); // agent A, meanwhile
    await agentB.getByRole("button", { name: "Resolve", exact: true }).click();
    await expect(alertMessage(agentB)).toContainText("someone else changed this ticket first. It is now In progress");
    await expect(agentB.getByText("In progress", { exact: true })).toBeVisible();
    await expect(agentB.getByRole("button", { name: "Back to open" })).toBeVisible();
    await agentA.close();
    await agentB.close();
  });

  test("keyboard-only triage: j to select, Enter to open, one key per move, / to search, ? for help", async ({
    page,
    signInAsStaff,
    createTicket,
    apiTicket,
  }) => {
    const ticket = await createTicket();
    await signInAsStaff();
    await expect(page.getByRole("link", { name: ticket.subject })).toBeVisible();

    // The queue arrives server-rendered; its keys work once React has hydrated it, a moment later.
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await page.keyboard.press("Escape");
    await expect(page.getByRole("dialog")).toHaveCount(0);

    await page.keyboard.press("/");
    await expect(page.getByLabel("Search")).toBeFocused();
    await page.keyboard.press("Escape"); // leaves the search field
    await expect(page.getByLabel("Search")).not.toBeFocused();
    await page.keyboard.press("j");
    await expect(page.getByRole("link", { name: ticket.subject })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: ticket.subject })).toBeVisible();

    await page.keyboard.press("s");
    await expect(page.getByRole("status")).toHaveText("Moved to In progress.");
    await page.keyboard.press("v");
    await expect(page.getByRole("status")).toHaveText("Moved to Resolved.");
    await page.keyboard.press("c");
    await expect(page.getByRole("status")).toHaveText("Moved to Closed.");
    expect((await apiTicket(ticket.id)).status).toBe("closed");
  });
});

test.describe("security", () => {
  test("a cross-origin write with the staff cookie is refused", async ({ page, signInAsStaff, createTicket, apiTicket }) => {
    const ticket = await createTicket();
    await signInAsStaff();
    const foreign = { origin: "http://evil.example" };
    const patch = await page.request.patch(`/api/support-tickets/${ticket.id}`, { headers: foreign, data: { status: "closed" } });
    expect(patch.status()).toBe(403);
    const post = await page.request.post("/api/admin/api-tokens", { headers: foreign, data: { name: "stolen" } });
    expect(post.status()).toBe(403);
    expect((await apiTicket(ticket.id)).status).toBe("open");
    // The same cookie from our own origin works.
    const own = await page.request.get(`/api/support-tickets/${ticket.id}`);
    expect(own.status()).toBe(200);
  });
});

test.describe("admin", () => {
  test("an admin creates an API token, sees it once, and revokes it", async ({ page, request, signInAsStaff }) => {
    await signInAsStaff();
    await page.getByRole("link", { name: "Admin" }).click();
    const name = `crm-${Date.now()}`;
    await page.getByLabel("Token name").fill(name);
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByLabel("New API token").textContent())!;
    expect(token).toMatch(/^kct_/);
    const headers = { authorization: `Bearer ${token}` };
    expect((await request.get("/api/support-tickets", { headers })).status()).toBe(200);

    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Revoked");
    expect((await request.get("/api/support-tickets", { headers })).status()).toBe(401);
    expect((await request.get("/api/support-tickets", { headers: tokenHeaders() })).status()).toBe(200);
  });
});

test.describe("round robin", () => {
  test("an agent switches 'Take new tickets' on and off; an admin caps an agent's open tickets on the admin page", async ({ page, signInAsStaff }) => {
    await signInAsStaff();
    // The header's controls work once React has hydrated the page: wait for the queue's shortcuts to answer.
    await expect(async () => {
      await page.keyboard.press("?");
      await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible({ timeout: 2_000 });
    }).toPass();
    await page.keyboard.press("Escape");
    const available = async () => ((await (await page.request.get("/api/staff/me")).json()) as { available: boolean }).available;
    const takeTickets = page.getByRole("switch", { name: "Take new tickets" });
    await expect(takeTickets).not.toBeChecked();
    await takeTickets.click();
    await expect.poll(available).toBe(true);
    await page.reload();
    await expect(takeTickets).toBeChecked();
    await takeTickets.click(); // off again, so the rest of the suite's new tickets stay unassigned
    await expect.poll(available).toBe(false);

    await page.goto("/staff/admin");
    const cap = page.getByRole("spinbutton", { name: `Open-ticket cap for ${STAFF.email}` });
    const capOf = async () =>
      ((await (await page.request.get("/api/admin/staff-accounts")).json()) as Array<{ email: string; openTicketCap: number | null }>).find(
        (account) => account.email === STAFF.email,
      )!.openTicketCap;
    await expect(async () => {
      await cap.fill("5");
      await page.getByRole("button", { name: `Set the open-ticket cap for ${STAFF.email}` }).click();
      await expect.poll(capOf, { timeout: 2_000 }).toBe(5);
    }).toPass();
    await cap.fill("");
    await page.getByRole("button", { name: `Set the open-ticket cap for ${STAFF.email}` }).click();
    await expect.poll(capOf).toBeNull();
  });
});

test.describe("service levels", () => {
  test("an admin sets business hours, a holiday and a target; overlapping hours are refused naming the day", async ({ page, request, signInAsStaff }) => {
    await signInAsStaff();
    await page.goto("/staff/admin");
    const section = page.getByRole("region", { name: "Service levels" });
    await expect(section.getByLabel("Wednesday")).toHaveValue("09:00-18:00");
    const urgentFirstReply = section.getByLabel("First reply target for Urgent, in business hours");
    await expect(urgentFirstReply).toHaveValue("1");

    await section.getByLabel("Wednesday").fill("09:00-13:00, 12:00-18:00");
    await section.getByRole("button", { name: "Save service levels" }).click();
    await expect(section.getByRole("alert")).toContainText("week.wednesday");
    await expect(section.getByRole("alert")).toContainText("must not overlap");

    await section.getByLabel("Wednesday").fill("09:00-14:00, 15:00-18:00");
    const holidays = section.getByLabel("Holidays");
    await holidays.fill(`${await holidays.inputValue()}\n2030-01-01 Año Nuevo`);
    await urgentFirstReply.fill("0.5");
    await section.getByRole("button", { name: "Save service levels" }).click();
    await expect(section.getByRole("status")).toHaveText("Service levels saved; running deadlines now follow them.");

    const saved = await (await request.get("/api/admin/service-levels", { headers: tokenHeaders() })).json();
    expect(saved.week.wednesday).toEqual([{ from: "09:00", to: "14:00" }, { from: "15:00", to: "18:00" }]);
    expect(saved.holidays).toContainEqual({ date: "2030-01-01", name: "Año Nuevo" });
    expect(saved.targets.urgent.firstReplyMinutes).toBe(30);

    // Back to the defaults' hours and target, so the rest of the suite counts deadlines as before.
    await section.getByLabel("Wednesday").fill("09:00-18:00");
    await urgentFirstReply.fill("1");
    await section.getByRole("button", { name: "Save service levels" }).click();
    await expect
      .poll(async () => (await (await request.get("/api/admin/service-levels", { headers: tokenHeaders() })).json()).targets.urgent.firstReplyMinutes)
      .toBe(60);
  });
});

test.describe("accessibility", () => {
  test("axe finds no violations on the sign-in page, the queue, a ticket and the admin page", async ({
    page,
    signInAsStaff,
    createTicket,
  }) => {
    const ticket = await createTicket();
    const check = async () => {
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations, `${page.url()}: ${JSON.stringify(results.violations, null, 2)}`).toEqual([]);
    };
    await page.goto("/staff/login");
    await check();
    await signInAsStaff();
    await check();
    await page.goto(`/staff/tickets/${ticket.id}`);
    await expect(page.getByRole("heading", { level: 1, name: ticket.subject })).toBeVisible();
    await check();
    await page.goto("/staff/admin");
    await expect(page.getByRole("heading", { name: "Staff accounts" })).toBeVisible();
    await check();
  });
});
