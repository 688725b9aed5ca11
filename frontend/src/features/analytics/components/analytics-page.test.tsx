import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fakeLead, fakeUser, json, renderApp, resetAppBetweenTests } from "@/testing/render";
import { addDays, todayUtc } from "../model/filters";
import {
  analyticsServer,
  FLOW_A,
  fakeCoverage,
  fakeFlowTable,
  fakeOverview,
  fakePerson,
  PEOPLE,
  TEAM_ID,
  USER_ID,
} from "../testing/fake-analytics-api";

const LEAD = fakeLead();
const ENGINEER = fakeUser();

resetAppBetweenTests();

const card = (key: string) => screen.getByTestId(`headline-${key}`);
const changeOf = (key: string) => within(card(key)).getByTestId("change");

describe("Headline figures", () => {
  it("show each figure with its change on the previous period, coloured by what the change means", async () => {
    const api = analyticsServer({ me: LEAD });
    renderApp("/analytics");
    expect(await screen.findByTestId("headline-sessions")).toBeInTheDocument();

    expect(within(card("sessions")).getByTestId("value")).toHaveTextContent("40");
    expect(changeOf("sessions")).toHaveTextContent("▲ +25%");
    expect(changeOf("sessions")).toHaveAttribute("data-tone", "neutral");

    expect(within(card("resolution_rate")).getByTestId("value")).toHaveTextContent("75%");
    expect(card("resolution_rate")).toHaveTextContent("30 of 40");
    expect(changeOf("resolution_rate")).toHaveTextContent("▲ +12.5 pts");
    expect(changeOf("resolution_rate")).toHaveAttribute("data-tone", "good");

    expect(within(card("mttr")).getByTestId("value")).toHaveTextContent("12 min");
    expect(card("mttr")).toHaveTextContent("mean 15 min");
    expect(changeOf("mttr")).toHaveTextContent("▼ \u221220%");
    expect(changeOf("mttr")).toHaveAttribute("data-tone", "good");

    // A rising escalation rate is bad news, and says so to screen readers too.
    expect(changeOf("escalation_rate")).toHaveTextContent("▲ +5 pts");
    expect(changeOf("escalation_rate")).toHaveAttribute("data-tone", "bad");
    expect(changeOf("escalation_rate")).toHaveTextContent("Up 5 percentage points on the previous 30 days, which is worse");

    expect(changeOf("unresolved_rate")).toHaveTextContent("▼ \u22125 pts");
    expect(changeOf("unresolved_rate")).toHaveAttribute("data-tone", "good");
    expect(changeOf("first_contact")).toHaveAttribute("data-direction", "flat");
    expect(within(card("workaround_rate")).getByTestId("value")).toHaveTextContent("2.5%");

    expect(screen.getByTestId("pilot-accepted")).toHaveTextContent("Proposed flow accepted: 66.7% (4 of 6 proposed; 2 declined)");
    expect(screen.getByTestId("psa-funnel")).toHaveTextContent("10 queued → 8 sent → 1 failed (1 still pending)");
    expect(screen.getByTestId("copilot-use")).toHaveTextContent("12 sessions (30% of all)");
    const outcomes = screen.getByRole("list", { name: "Sessions by outcome" });
    expect(outcomes).toHaveTextContent("Escalated1");
    // A workaround is split out of "Resolved": the six add up to the sessions.
    expect(outcomes).toHaveTextContent("Resolved29");
    expect(outcomes).toHaveTextContent("Workaround1");

    const today = todayUtc();
    const asked = api.to("/api/v1/analytics/overview")[0]!;
    expect(asked.searchParams.get("from")).toBe(addDays(today, -29));
    expect(asked.searchParams.get("to")).toBe(today);
  });

  it("say what produces data when the range has no sessions", async () => {
    analyticsServer({
      me: LEAD,
      overview: fakeOverview({ sessions: 0, series: [] }),
      flows: fakeFlowTable([]),
      coverage: () => fakeCoverage("category", { rows: [], cells: [], total: 0 }),
    });
    renderApp("/analytics");
    expect(await screen.findByText("No sessions in this range")).toBeInTheDocument();
    expect(screen.getByText(/The 30 days before had 32: try a longer range or fewer filters/)).toBeInTheDocument();
    expect(screen.getAllByText(/Run sessions from flows and figures appear here/).length).toBeGreaterThanOrEqual(2);
    expect(screen.getByText("No flows to measure")).toBeInTheDocument();
    expect(screen.getByText("Nothing to map yet")).toBeInTheDocument();
    expect(screen.queryByTestId("headline-sessions")).not.toBeInTheDocument();
  });

  it("show an error with a retry that loads them", async () => {
    let fail = true;
    analyticsServer({
      me: LEAD,
      handle: ({ route }) =>
        route === "GET /api/v1/analytics/overview" && fail ? json(500, { title: "Internal Server Error", detail: "" }) : undefined,
    });
    const { u } = renderApp("/analytics");
    const alert = await screen.findByRole("alert", {}, { timeout: 8000 });
    expect(alert).toHaveTextContent("Couldn't load the figures");
    expect(alert).toHaveTextContent("Something went wrong on our side.");
    fail = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByTestId("headline-sessions")).toBeInTheDocument();
  });
});

describe("Filters", () => {
  it("live in the URL: a preset and a team are asked for, and Back goes to the view before", async () => {
    const api = analyticsServer({ me: LEAD });
    const { router, u } = renderApp("/analytics");
    await screen.findByTestId("headline-sessions");
    const range = screen.getByRole("group", { name: "Date range" });
    expect(within(range).getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true");

    await u.click(within(range).getByRole("button", { name: "7 days" }));
    expect(router.state.location.search).toBe("?range=7");
    const today = todayUtc();
    await waitFor(() => expect(api.to("/api/v1/analytics/overview").at(-1)!.searchParams.get("from")).toBe(addDays(today, -6)));
    expect(screen.getByTestId("range-label")).toHaveTextContent("Last 7 days");

    const team = await screen.findByRole("option", { name: "Service Desk" });
    await u.selectOptions(screen.getByLabelText("Team"), team);
    expect(new URLSearchParams(router.state.location.search).get("team_id")).toBe(TEAM_ID);
    await waitFor(() => expect(api.to("/api/v1/analytics/overview").at(-1)!.searchParams.get("team_id")).toBe(TEAM_ID));
    // Only people who run sessions are offered as engineers.
    await u.click(screen.getByRole("combobox", { name: "Engineer" }));
    const people = await screen.findByRole("listbox", { name: "Engineer results" });
    expect(await within(people).findByRole("option", { name: /Erin Engineer/ })).toBeInTheDocument();
    expect(within(people).queryByRole("option", { name: /Vic Viewer/ })).not.toBeInTheDocument();
    await u.keyboard("{Escape}");

    await act(() => router.navigate(-1));
    await waitFor(() => expect(router.state.location.search).toBe("?range=7"));
    await waitFor(() => expect(screen.getByLabelText("Team")).toHaveValue(""));
    await act(() => router.navigate(-1));
    await waitFor(() => expect(within(range).getByRole("button", { name: "30 days" })).toHaveAttribute("aria-pressed", "true"));
  });

  it("search engineers by name or email through the API, however many there are, and pick one from the keyboard", async () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      fakePerson(`00000000-0000-0000-0000-${String(i).padStart(12, "0")}`, `Person ${String(i).padStart(3, "0")}`, `p${i}@example.com`),
    );
    const zoe = fakePerson("88888888-8888-8888-8888-888888888888", "Zoë Zimmer", "zoe@contoso.example");
    const api = analyticsServer({ me: LEAD, people: [...many, zoe, PEOPLE[1]!] });
    const { router, u } = renderApp("/analytics");
    await screen.findByTestId("headline-sessions");
    const box = screen.getByRole("combobox", { name: "Engineer" });
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveValue("");
    expect(box).toHaveAttribute("placeholder", "Everyone");

    // Opening shows a first page and says to type to narrow; nothing asks for every user.
    box.focus();
    await u.keyboard("{ArrowDown}");
    expect(box).toHaveAttribute("aria-expanded", "true");
    const list = screen.getByRole("listbox", { name: "Engineer results" });
    await within(list).findByText(/The first 20 shown/);
    expect(within(list).getAllByRole("option")).toHaveLength(21); // Everyone + 20
    expect(api.to("/api/v1/users").every((r) => r.searchParams.get("limit") === "20")).toBe(true);

    // Zoë is person 251: found by her email, through the API's `q`.
    await u.type(box, "Contoso");
    await waitFor(() => expect(api.to("/api/v1/users").at(-1)!.searchParams.get("q")).toBe("Contoso"));
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(2));
    expect(await screen.findByText("1 person found")).toBeInTheDocument();
    await u.keyboard("{ArrowDown}{ArrowDown}");
    const option = within(list).getByRole("option", { name: /Zoë Zimmer/ });
    expect(box).toHaveAttribute("aria-activedescendant", option.id);
    await u.keyboard("{Enter}");
    expect(new URLSearchParams(router.state.location.search).get("user_id")).toBe(zoe.id);
    expect(box).toHaveAttribute("aria-expanded", "false");
    await waitFor(() => expect(box).toHaveValue("Zoë Zimmer"));
    await waitFor(() => expect(api.to("/api/v1/analytics/overview").at(-1)!.searchParams.get("user_id")).toBe(zoe.id));

    // Escape leaves the choice as it was; a search with no match says so.
    await u.type(box, "nobody");
    expect(await within(screen.getByRole("listbox", { name: "Engineer results" })).findByText("No one matches “nobody”.")).toBeInTheDocument();
    await u.keyboard("{Escape}");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveValue("Zoë Zimmer");
    expect(new URLSearchParams(router.state.location.search).get("user_id")).toBe(zoe.id);
  });

  it("show a linked engineer by name, and go back to everyone with a click", async () => {
    const api = analyticsServer({ me: LEAD });
    const { router, u } = renderApp(`/analytics?user_id=${USER_ID}`);
    const box = await screen.findByRole("combobox", { name: "Engineer" });
    await waitFor(() => expect(box).toHaveValue("Erin Engineer"));
    expect(api.to(`/api/v1/users/${USER_ID}`)).toHaveLength(1);
    await u.click(box);
    await u.click(await screen.findByRole("option", { name: "Everyone" }));
    expect(new URLSearchParams(router.state.location.search).get("user_id")).toBeNull();
    expect(box).toHaveValue("");
  });

  it("refuse a custom range over a year with a clear message, and ask for nothing", async () => {
    const api = analyticsServer({ me: LEAD });
    const { router, u } = renderApp("/analytics");
    await screen.findByTestId("headline-sessions");
    await u.click(screen.getByRole("button", { name: "Custom…" }));
    const form = screen.getByRole("form", { name: "Custom range" });
    fireEvent.change(within(form).getByLabelText("From"), { target: { value: "2024-01-01" } });
    fireEvent.change(within(form).getByLabelText("To"), { target: { value: "2026-01-01" } });
    expect(form).toHaveTextContent("That range is 732 days. Pick at most one year (366 days).");
    const before = api.requests.length;
    await u.click(within(form).getByRole("button", { name: "Apply" }));
    expect(router.state.location.search).toBe("");

    fireEvent.change(within(form).getByLabelText("From"), { target: { value: "2025-06-01" } });
    await u.click(within(form).getByRole("button", { name: "Apply" }));
    expect(router.state.location.search).toBe("?from=2025-06-01&to=2026-01-01");
    await waitFor(() => expect(api.requests.length).toBeGreaterThan(before));
    expect(api.to("/api/v1/analytics/overview").at(-1)!.searchParams.get("from")).toBe("2025-06-01");
  });

  it("say what is wrong with a linked range and fetch no figures for it", async () => {
    const api = analyticsServer({ me: LEAD });
    renderApp("/analytics?from=2026-03-10&to=2026-03-01");
    expect(await screen.findByRole("alert")).toHaveTextContent("The start date is after the end date.");
    expect(screen.getByText("Fix the date range above to see figures.")).toBeInTheDocument();
    expect(api.to("/api/v1/analytics/overview")).toHaveLength(0);
  });

  it("offer an engineer no team or engineer filter: their figures are their own", async () => {
    analyticsServer({ me: ENGINEER });
    renderApp("/analytics");
    await screen.findByTestId("headline-sessions");
    expect(screen.queryByLabelText("Team")).not.toBeInTheDocument();
    expect(screen.queryByLabelText("Engineer")).not.toBeInTheDocument();
    expect(screen.getByText("Your own sessions only.")).toBeInTheDocument();
    expect(screen.getByLabelText("Flow")).toBeInTheDocument();
  });
});

describe("The flow table", () => {
  it("puts the worst quality first, sorts from the keyboard, and explains the score", async () => {
    analyticsServer({ me: LEAD });
    const { u } = renderApp("/analytics");
    const table = await screen.findByRole("table", { name: "Flow figures" });
    const titles = () => within(table).getAllByTestId("flow-row").map((r) => within(r).getAllByRole("link")[0]!.textContent);
    expect(titles()).toEqual(["VPN won't connect", "Outlook keeps asking for the password", "Printer offline"]);
    expect(within(table).getByRole("columnheader", { name: /Quality/ })).toHaveAttribute("aria-sort", "ascending");

    const runs = within(table).getByRole("button", { name: "Runs" });
    runs.focus();
    await u.keyboard("{Enter}");
    expect(within(table).getByRole("columnheader", { name: /Runs/ })).toHaveAttribute("aria-sort", "descending");
    expect(within(table).getByRole("columnheader", { name: /Quality/ })).toHaveAttribute("aria-sort", "none");
    expect(titles()).toEqual(["Outlook keeps asking for the password", "VPN won't connect", "Printer offline"]);
    await u.keyboard("{Enter}");
    expect(titles()).toEqual(["Printer offline", "VPN won't connect", "Outlook keeps asking for the password"]);

    const scores = within(table).getAllByTestId("quality-score");
    expect(scores[1]).toHaveAccessibleName(/^Quality 48 of 100\. Success 50%, Not abandoned 80%, Not escalated 70%, Rating 62\.5%/);
    expect(scores[0]).toHaveAccessibleName("No score: fewer than 5 runs in this range.");
    expect(scores[0]).toHaveAttribute("tabindex", "0");

    await u.click(screen.getByText("How is this scored?"));
    expect(screen.getByTestId("quality-formula")).toHaveTextContent("score = 100 * (0.4 * success");
    expect(within(table).getByRole("link", { name: "VPN won't connect" })).toHaveAttribute("href", `/analytics/flows/${FLOW_A}`);
  });

  it("says how many of a flow's resolved runs were workarounds", async () => {
    analyticsServer({ me: LEAD });
    renderApp("/analytics");
    const table = await screen.findByRole("table", { name: "Flow figures" });
    const vpn = within(table).getAllByTestId("flow-row").find((r) => r.textContent?.includes("VPN won't connect"));
    expect(vpn).toHaveTextContent("50%1 with a workaround");
  });
});

describe("The coverage heat map", () => {
  it("links each cell to its sessions, and switches its rows to clients", async () => {
    const api = analyticsServer({ me: LEAD });
    const { router, u } = renderApp("/analytics?range=90");
    const cell = await screen.findByRole("link", { name: "Network × escalated: 12 sessions" });
    expect(cell).toHaveAttribute("href", "/analytics/sessions?from=2026-03-02&to=2026-03-31&category=Network&outcome=escalated");
    expect(screen.getByRole("link", { name: "Email × resolved: 1 session" })).toBeInTheDocument();
    const map = screen.getByRole("table", { name: "Sessions by category and outcome" });
    expect(within(map).getAllByTestId("heat-cell")).toHaveLength(3);
    // The biggest cell is the darkest.
    expect(screen.getByRole("link", { name: "Network × resolved: 20 sessions" }).className).toContain("bg-indigo-600");

    await u.click(screen.getByRole("button", { name: "Client × outcome" }));
    expect(new URLSearchParams(router.state.location.search).get("map")).toBe("client");
    expect(await screen.findByRole("link", { name: "Contoso × resolved: 20 sessions" })).toBeInTheDocument();
    expect(api.to("/api/v1/analytics/coverage").some((r) => r.searchParams.get("rows") === "client" && !r.searchParams.has("client"))).toBe(true);

    await u.click(screen.getByRole("button", { name: "Client × category" }));
    expect(new URLSearchParams(router.state.location.search).get("map")).toBe("client-category");
    const byCategory = await screen.findByRole("table", { name: "Sessions by client and category" });
    expect(within(byCategory).getByRole("columnheader", { name: "Network" })).toBeInTheDocument();
    expect(within(byCategory).getByRole("link", { name: "Contoso × Network: 5 sessions" })).toHaveAttribute(
      "href",
      "/analytics/sessions?from=2026-03-02&to=2026-03-31&client=Contoso&category=Network",
    );
    expect(api.to("/api/v1/analytics/coverage").some((r) => r.searchParams.get("cols") === "category")).toBe(true);

    await u.click(screen.getByRole("button", { name: "Client × outcome" }));
    await u.click(await screen.findByRole("link", { name: "Contoso × escalated: 12 sessions" }));
    expect(await screen.findByRole("link", { name: "VPN drops every hour (Contoso)" })).toHaveAttribute(
      "href",
      "/sessions/66666666-6666-6666-6666-666666666666",
    );
    const asked = api.to("/api/v1/analytics/sessions").at(-1)!;
    expect(asked.searchParams.get("client")).toBe("Contoso");
    expect(asked.searchParams.get("outcome")).toBe("escalated");
    expect(screen.getByText(/Client Contoso · Escalated/)).toBeInTheDocument();
  });
});

describe("Downloads", () => {
  let clicked: HTMLAnchorElement[];
  beforeEach(() => {
    clicked = [];
    Object.defineProperty(URL, "createObjectURL", { configurable: true, value: vi.fn(() => "blob:csv") });
    Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: vi.fn() });
    vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it("fetch a table as CSV with the view's filters and save it under the server's name", async () => {
    const api = analyticsServer({ me: LEAD });
    const { u } = renderApp(`/analytics?range=7&flow_id=${FLOW_A}`);
    await screen.findByRole("table", { name: "Flow figures" });
    await u.click(screen.getByRole("button", { name: "Download flow table as CSV" }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe("analytics-export.csv");
    const csv = api.requests.find((r) => r.searchParams.get("format") === "csv")!;
    expect(csv.pathname).toBe("/api/v1/analytics/flows");
    expect(csv.searchParams.get("flow_id")).toBe(FLOW_A);
    expect(csv.searchParams.get("from")).toBe(addDays(todayUtc(), -6));

    await u.click(screen.getByRole("button", { name: "Download coverage as CSV" }));
    await waitFor(() => expect(clicked).toHaveLength(2));
    const coverage = api.requests.filter((r) => r.searchParams.get("format") === "csv").at(-1)!;
    expect(coverage.pathname).toBe("/api/v1/analytics/coverage");
    expect(coverage.searchParams.get("rows")).toBe("category");
  });

  it("save every session behind a figure with the list's filters, and say when the file stops at its cap", async () => {
    let truncated = false;
    const api = analyticsServer({
      me: LEAD,
      handle: ({ url }) =>
        url.pathname === "/api/v1/analytics/sessions" && url.searchParams.get("format") === "csv"
          ? new Response("session_id\n", {
              status: 200,
              headers: {
                "Content-Type": "text/csv; charset=utf-8",
                "Content-Disposition": 'attachment; filename="analytics-sessions-2026-03-02-to-2026-03-31.csv"',
                ...(truncated ? { "X-Rows-Truncated": "true" } : {}),
              },
            })
          : undefined,
    });
    const { u } = renderApp("/analytics/sessions?from=2026-03-02&to=2026-03-31&category=Network&outcome=workaround");
    await screen.findByRole("table", { name: "Sessions" });
    await u.click(screen.getByRole("button", { name: "Download these sessions as CSV" }));
    await waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toBe("analytics-sessions-2026-03-02-to-2026-03-31.csv");
    const csv = api.requests.find((r) => r.searchParams.get("format") === "csv")!;
    expect(csv.pathname).toBe("/api/v1/analytics/sessions");
    expect(Object.fromEntries(csv.searchParams)).toEqual({
      from: "2026-03-02",
      to: "2026-03-31",
      category: "Network",
      outcome: "workaround",
      format: "csv",
    });
    expect(screen.queryByText(/newest 10,000 sessions only/)).not.toBeInTheDocument();

    truncated = true;
    await u.click(screen.getByRole("button", { name: "Download these sessions as CSV" }));
    expect(await screen.findByText(/The file holds the newest 10,000 sessions only/)).toBeInTheDocument();
    expect(clicked).toHaveLength(2);
  });

  it("offer no sessions CSV when the list is empty", async () => {
    analyticsServer({ me: LEAD, sessions: [] });
    renderApp("/analytics/sessions?from=2026-03-02&to=2026-03-31");
    expect(await screen.findByText("No sessions match")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Download these sessions as CSV" })).not.toBeInTheDocument();
  });

  it("say so when the CSV is refused", async () => {
    analyticsServer({
      me: LEAD,
      handle: ({ url }) => (url.searchParams.get("format") === "csv" ? json(403, { title: "Forbidden", detail: "Not yours." }) : undefined),
    });
    const { u } = renderApp("/analytics");
    await screen.findByTestId("headline-sessions");
    await u.click(screen.getByRole("button", { name: "Download headline figures as CSV" }));
    expect(await screen.findByText("Couldn't download the CSV: Not yours.")).toBeInTheDocument();
    expect(clicked).toHaveLength(0);
  });
});
