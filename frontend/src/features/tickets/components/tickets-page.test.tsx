import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, SESSION_ID, stubApi } from "@/testing/render";

const me = fakeUser();

const OPTIONS = {
  provider: "connectwise",
  provider_label: "ConnectWise PSA",
  boards: [
    { id: "1", name: "Help Desk" },
    { id: "2", name: "Escalations" },
  ],
  priorities: [
    { id: "1", name: "Priority 1 - Critical" },
    { id: "2", name: "Priority 2 - High" },
  ],
  types: [
    { id: "11", name: "Incident" },
    { id: "12", name: "Service Request" },
  ],
  statuses: [{ id: "1", name: "New" }],
  companies: [
    { id: "250", name: "Acme Corporation", identifier: "AcmeCorp" },
    { id: "251", name: "Globex Ltd", identifier: "Globex" },
  ],
  contacts: [{ id: "301", name: "Jane Doe", company_id: "250" }],
};

const row = (id: string, summary: string, company = "Acme Corporation") => ({
  id,
  summary,
  company,
  status: "New",
  board: "Help Desk",
  priority: "Priority 2 - High",
  owner: "Erin Engineer",
  updated: null,
});

interface Seen {
  queues: URLSearchParams[];
  created: { body: Record<string, unknown>; key: string | null }[];
  sessions: Record<string, unknown>[];
  triaged: string[];
}

function fakeServer(opts: { queue?: () => Response; create?: () => Response } = {}): Seen {
  const seen: Seen = { queues: [], created: [], sessions: [], triaged: [] };
  stubApi(me, async ({ input, url, route }) => {
    if (route === "GET /api/v1/psa/tickets/queue") {
      seen.queues.push(url.searchParams);
      if (opts.queue) return opts.queue();
      const page = url.searchParams.get("page");
      const items =
        page === "2"
          ? [row("1001", "Outlook will not start")]
          : url.searchParams.get("company_id") === "251"
            ? [row("1002", "VPN disconnects", "Globex Ltd")]
            : [row("1005", "Laptop battery not charging"), row("1003", "Printer offline")];
      return json(200, { provider: "connectwise", provider_label: "ConnectWise PSA", view: url.searchParams.get("view"), page: Number(page ?? 1), has_more: page !== "2", items });
    }
    if (route === "GET /api/v1/psa/tickets/options") return json(200, OPTIONS);
    if (route === "GET /api/v1/psa/tickets/desk") {
      return json(200, { connected: true, provider: "connectwise", provider_label: "ConnectWise PSA", tickets: true });
    }
    if (route === "POST /api/v1/psa/tickets/triage") {
      const body = (await input.json()) as { text: string };
      seen.triaged.push(body.text);
      return json(200, {
        summary: "Outlook keeps crashing on my laptop",
        summary_confidence: 0.6,
        description: body.text,
        company: { id: "250", name: "Acme Corporation", confidence: 0.95 },
        contact: { id: "301", name: "Jane Doe", confidence: 0.95 },
        board: { id: "1", name: "Help Desk", confidence: 0.4 },
        type: { id: "11", name: "Incident", confidence: 0.6 },
        priority: { id: "2", name: "Priority 2 - High", confidence: 0.65 },
        source: "rules",
        note: null,
      });
    }
    if (route === "POST /api/v1/psa/tickets") {
      seen.created.push({ body: (await input.json()) as Record<string, unknown>, key: input.headers.get("Idempotency-Key") });
      if (opts.create) return opts.create();
      return json(201, { ticket_id: "10001", url: null, summary: "x", adopted: false });
    }
    if (route === "POST /api/v1/sessions") {
      seen.sessions.push((await input.json()) as Record<string, unknown>);
      return json(201, { id: SESSION_ID });
    }
  });
  return seen;
}

resetAppBetweenTests();

describe("Tickets page", () => {
  it("lists my tickets, switches to team boards, filters and pages", async () => {
    const seen = fakeServer();
    const { u } = renderApp("/tickets");
    const table = await screen.findByRole("table", { name: "Open tickets" }, { timeout: 5000 });
    expect(within(table).getByText("Laptop battery not charging")).toBeInTheDocument();
    expect(seen.queues[0]?.get("view")).toBe("mine");
    // The team's PSA supports tickets: the sidebar offers them.
    expect(await screen.findByRole("link", { name: "Tickets" })).toHaveAttribute("href", "/tickets");

    await u.click(screen.getByRole("tab", { name: "Team boards" }));
    await waitFor(() => expect(seen.queues.at(-1)?.get("view")).toBe("team"));
    expect(screen.getByRole("tab", { name: "Team boards" })).toHaveAttribute("aria-selected", "true");

    await u.selectOptions(await screen.findByRole("combobox", { name: "Company" }), "251");
    expect(await screen.findByText("VPN disconnects")).toBeInTheDocument();
    expect(seen.queues.at(-1)?.get("company_id")).toBe("251");

    await u.selectOptions(screen.getByRole("combobox", { name: "Company" }), "");
    await u.click(await screen.findByRole("button", { name: "Next" }));
    expect(await screen.findByText("Outlook will not start")).toBeInTheDocument();
    expect(seen.queues.at(-1)?.get("page")).toBe("2");
    expect(screen.getByText("Page 2")).toBeInTheDocument();
  });

  it("starts a session from a ticket in one click", async () => {
    const seen = fakeServer();
    const { u, router } = renderApp("/tickets");
    await u.click(await screen.findByRole("button", { name: "Start session on #1003" }, { timeout: 5000 }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SESSION_ID}`));
    expect(seen.sessions).toEqual([{ mode: "guided", title: "Printer offline", ticket_id: "1003" }]);
  });

  it("offers no Tickets entry when the team has no PSA", async () => {
    stubApi(me, async ({ route }) => {
      if (route === "GET /api/v1/psa/tickets/desk") return json(200, { connected: false, provider: null, provider_label: null, tickets: false });
    });
    renderApp("/");
    await screen.findByRole("link", { name: "Sessions" }, { timeout: 5000 });
    await waitFor(() => expect(screen.queryByRole("link", { name: "Tickets" })).not.toBeInTheDocument());
  });

  it("says plainly when no PSA is connected", async () => {
    fakeServer({
      queue: () =>
        json(409, { type: "https://resolutionflow.dev/problems/psa-not-configured", title: "No PSA is connected", status: 409, detail: "No PSA is connected for your team." }),
    });
    renderApp("/tickets");
    expect(await screen.findByText("No PSA is connected for your team.", undefined, { timeout: 5000 })).toBeInTheDocument();
  });

  it("quick-creates: pasted text pre-fills the form, the ticket is created once and its session opened", async () => {
    const seen = fakeServer();
    const { u, router } = renderApp("/tickets");
    await u.click(await screen.findByRole("button", { name: "Quick-create" }, { timeout: 5000 }));
    const dialog = await screen.findByRole("dialog", { name: "Quick-create a ticket" });
    await u.type(within(dialog).getByRole("textbox", { name: "What the user said" }), "Outlook keeps crashing, jane.doe@acme-corp.test");
    await u.click(within(dialog).getByRole("button", { name: "Fill the form" }));
    const summary = await within(dialog).findByRole("textbox", { name: /Summary/ });
    expect(summary).toHaveValue("Outlook keeps crashing on my laptop");
    await waitFor(() => expect(within(dialog).getByRole("combobox", { name: /Company/ })).toHaveValue("250"));
    expect(within(dialog).getByText("Suggested: Acme Corporation (sure)")).toBeInTheDocument();
    expect(within(dialog).getByRole("combobox", { name: /Priority/ })).toHaveValue("2");

    await u.click(within(dialog).getByRole("button", { name: "Create ticket and start session" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SESSION_ID}`));
    expect(seen.created).toHaveLength(1);
    expect(seen.created[0]?.body).toMatchObject({ summary: "Outlook keeps crashing on my laptop", company_id: "250", contact_id: "301", board_id: "1", type_id: "11", priority: "2" });
    expect(seen.created[0]?.key).toBeTruthy();
    expect(seen.sessions).toEqual([{ mode: "guided", title: "Outlook keeps crashing on my laptop", ticket_id: "10001" }]);
  });

  it("shows the PSA's refusal, starts no session, and retries with the same key", async () => {
    let refuse = true;
    const seen = fakeServer({
      create: () =>
        refuse
          ? json(422, {
              type: "https://resolutionflow.dev/problems/psa-refused",
              title: "The PSA refused the ticket",
              status: 422,
              detail: "ConnectWise rejected the request (400): ticket object is invalid; The company field is required.",
              errors: [{ kind: "invalid", msg: "company required" }],
            })
          : json(201, { ticket_id: "10002", url: null, summary: "x", adopted: false }),
    });
    const { u, router } = renderApp("/tickets");
    await u.click(await screen.findByRole("button", { name: "Quick-create" }, { timeout: 5000 }));
    const dialog = await screen.findByRole("dialog", { name: "Quick-create a ticket" });
    await u.click(within(dialog).getByRole("button", { name: "Fill in by hand" }));
    await u.type(within(dialog).getByRole("textbox", { name: /Summary/ }), "Printer jams");
    await u.click(within(dialog).getByRole("button", { name: "Create ticket and start session" }));
    expect(await within(dialog).findByText(/The company field is required/)).toBeInTheDocument();
    expect(seen.sessions).toEqual([]);

    refuse = false;
    await u.click(within(dialog).getByRole("button", { name: "Create ticket and start session" }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SESSION_ID}`));
    expect(seen.created).toHaveLength(2);
    expect(seen.created[0]?.key).toBe(seen.created[1]?.key);
  });
});
