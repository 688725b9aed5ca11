import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeLead, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const FLOW = "22222222-2222-2222-2222-222222222222";
const EXP = "44444444-4444-4444-4444-444444444444";
const LEAD = fakeLead();

resetAppBetweenTests();

function flowRead(overrides: Record<string, unknown> = {}) {
  return {
    id: FLOW,
    title: "Printer offline",
    kind: "troubleshooting",
    description: "",
    category: "Printing",
    tags: [],
    folder_id: null,
    owner_id: null,
    owner_name: null,
    archived: false,
    latest_version: 2,
    draft_revision: 5,
    has_unpublished_changes: true,
    use_count: 0,
    created_at: "2026-03-01T10:00:00Z",
    updated_at: "2026-03-01T10:00:00Z",
    snippet: null,
    draft: { format: "resolutionflow.flow/1", title: "Printer offline", kind: "troubleshooting", start: "q", nodes: [], edges: [] },
    draft_updated_at: null,
    draft_updated_by_name: null,
    ...overrides,
  };
}

function variant(name: "a" | "b", overrides: Record<string, unknown> = {}) {
  return {
    variant: name,
    version: name === "a" ? 2 : 3,
    runs: 0,
    open: 0,
    completed: 0,
    resolved: 0,
    resolution_rate: null,
    median_active_seconds: null,
    escalations: 0,
    abandoned: 0,
    ...overrides,
  };
}

function experiment(overrides: Record<string, unknown> = {}) {
  return {
    id: EXP,
    flow_id: FLOW,
    status: "running",
    split: 0.5,
    version_a: 2,
    version_b: 3,
    b_source: "draft",
    draft_revision: 5,
    started_at: "2026-03-02T09:00:00Z",
    started_by_id: LEAD.id,
    started_by_name: "Lee Lead",
    ended_at: null,
    ended_by_id: null,
    ended_by_name: null,
    promoted: null,
    promoted_version: null,
    results: {
      a: variant("a"),
      b: variant("b"),
      resolution_test: null,
      time_test: null,
      runs_needed_per_variant: 388,
      more_runs_needed: 388,
      conclusion: "Not enough data yet: about 388 more runs per variant needed to detect a 10-point difference in resolution rate.",
    },
    ...overrides,
  };
}

const withResults = experiment({
  results: {
    a: variant("a", { runs: 104, open: 4, completed: 100, resolved: 30, resolution_rate: 0.3, median_active_seconds: 900, escalations: 12, abandoned: 5 }),
    b: variant("b", { runs: 101, open: 1, completed: 100, resolved: 45, resolution_rate: 0.45, median_active_seconds: 600, escalations: 7, abandoned: 2 }),
    resolution_test: { method: "z-test", statistic: -2.19, p_value: 0.0285 },
    time_test: { method: "mann-whitney", statistic: 1900, p_value: 0.004 },
    runs_needed_per_variant: 385,
    more_runs_needed: 285,
    conclusion: "B resolves more (45% vs 30% for A, p = 0.03). B resolves faster (median 10 min vs 15 min for A, p = 0.004).",
  },
});

interface Server {
  me?: object;
  flow?: Record<string, unknown>;
  current?: unknown;
  history?: unknown[];
  onStart?: (body: Record<string, unknown>) => Response;
  onStop?: (body: Record<string, unknown>) => Response;
}

function server({ me = LEAD, flow = flowRead(), current = null, history = [], onStart, onStop }: Server = {}) {
  const calls = { starts: [] as Record<string, unknown>[], stops: [] as Record<string, unknown>[] };
  let running = current;
  stubApi(me, async ({ input, route }) => {
    if (route === `GET /api/v1/flows/${FLOW}`) return json(200, flow);
    if (route === `GET /api/v1/flows/${FLOW}/experiments/current`) return json(200, running);
    if (route === `GET /api/v1/flows/${FLOW}/experiments`) return json(200, { items: history });
    if (route === `GET /api/v1/flows/${FLOW}/versions`) {
      return json(200, {
        items: [
          { number: 2, change_note: "Ask about the cable", published_at: "2026-03-01T10:00:00Z", published_by_name: "Lee Lead", node_count: 4, candidate: false },
          { number: 1, change_note: "First", published_at: "2026-02-01T10:00:00Z", published_by_name: "Lee Lead", node_count: 3, candidate: false },
        ],
      });
    }
    if (route === `POST /api/v1/flows/${FLOW}/experiments`) {
      const body = (await input.json()) as Record<string, unknown>;
      calls.starts.push(body);
      const answer = onStart?.(body) ?? json(201, experiment({ split: body.split }));
      if (answer.status === 201) running = await answer.clone().json();
      return answer;
    }
    if (route === `POST /api/v1/experiments/${EXP}/stop`) {
      const body = (await input.json()) as Record<string, unknown>;
      calls.stops.push(body);
      const answer = onStop?.(body) ?? json(200, experiment({ status: "stopped", promoted: body.promote, promoted_version: body.promote === "b" ? 4 : null }));
      if (answer.status === 200) running = null;
      return answer;
    }
    return undefined;
  });
  return calls;
}

describe("A/B test page", () => {
  it("starts a test of the draft with the split a team admin sets, checking the split first", async () => {
    const calls = server();
    const { u } = renderApp(`/flows/${FLOW}/ab-test`);
    const form = await screen.findByRole("form", { name: "Start an A/B test" });
    expect(within(form).getByRole("radio", { name: "Use the current draft" })).toBeChecked();
    const split = within(form).getByRole("spinbutton", { name: "Share of new sessions that get B (%)" });
    expect(split).toHaveValue(50);
    expect(within(form).getByText("50% of new sessions get A, 50% get B.")).toBeInTheDocument();

    await u.clear(split);
    await u.type(split, "97");
    await u.click(within(form).getByRole("button", { name: "Start A/B test" }));
    expect(split).toHaveAttribute("aria-invalid", "true");
    expect(split).toHaveAccessibleDescription("Between 5% and 95%: both variants need sessions.");
    expect(split).toHaveFocus();
    expect(calls.starts).toEqual([]);

    await u.clear(split);
    await u.type(split, "30");
    await u.click(within(form).getByRole("button", { name: "Start A/B test" }));
    await waitFor(() => expect(calls.starts).toEqual([{ use_draft: true, split: 0.3 }]));
    const running = await screen.findByRole("region", { name: /Running: v2 against v3/ });
    expect(running).toHaveTextContent("70% A / 30% B");
    expect(screen.queryByRole("form", { name: "Start an A/B test" })).toBeNull();
  });

  it("starts a test of another published version picked from the list", async () => {
    const calls = server({ flow: flowRead({ has_unpublished_changes: false }) });
    const { u } = renderApp(`/flows/${FLOW}/ab-test`);
    const form = await screen.findByRole("form", { name: "Start an A/B test" });
    expect(within(form).getByText("The draft has no unpublished changes yet.")).toBeInTheDocument();
    await u.click(within(form).getByRole("radio", { name: "A published version" }));
    const select = within(form).getByRole("combobox", { name: "Version to run as B" });
    // The published version (A) is not offered as B.
    await waitFor(() => expect(within(select).getAllByRole("option").map((o) => o.textContent)).toEqual(["Pick a version", "v1 — First"]));
    await u.click(within(form).getByRole("button", { name: "Start A/B test" }));
    expect(select).toHaveAccessibleDescription("Pick the version to run as B.");
    await u.selectOptions(select, "1");
    await u.click(within(form).getByRole("button", { name: "Start A/B test" }));
    await waitFor(() => expect(calls.starts).toEqual([{ candidate_version: 1, split: 0.5 }]));
  });

  it("shows the server's refusals: the draft's problems, a field, a conflict", async () => {
    let answer = json(422, {
      title: "Validation failed",
      status: 422,
      detail: "The draft has 1 problem to fix before it can run in a test.",
      errors: [{ loc: ["body", "use_draft"], msg: "the draft cannot be published" }],
      problems: [{ code: "dead_end", message: "“Power-cycle” has no way out.", node_id: "cycle", severity: "error" }],
    });
    server({ onStart: () => answer });
    const { u } = renderApp(`/flows/${FLOW}/ab-test`);
    const form = await screen.findByRole("form", { name: "Start an A/B test" });
    await u.click(within(form).getByRole("button", { name: "Start A/B test" }));
    const alert = await within(form).findByRole("alert");
    expect(alert).toHaveTextContent("The draft has 1 problem to fix before it can run in a test.");
    expect(within(alert).getByRole("list", { name: "Problems in the draft" })).toHaveTextContent("“Power-cycle” has no way out.");
    expect(within(alert).getByRole("link", { name: "Open the editor" })).toHaveAttribute("href", `/flows/${FLOW}/edit`);

    answer = json(422, { title: "Validation failed", status: 422, detail: "x", errors: [{ loc: ["body", "split"], msg: "Input should be less than or equal to 0.95" }] });
    await u.click(within(form).getByRole("button", { name: "Start A/B test" }));
    const split = within(form).getByRole("spinbutton", { name: "Share of new sessions that get B (%)" });
    await waitFor(() => expect(split).toHaveAccessibleDescription("Input should be less than or equal to 0.95"));

    answer = json(409, { title: "Conflict", status: 409, detail: "An A/B test is already running on “Printer offline”; stop it before starting another." });
    await u.click(within(form).getByRole("button", { name: "Start A/B test" }));
    expect(await within(form).findByRole("alert")).toHaveTextContent("An A/B test is already running");
  });

  it("shows the running test per variant with its p-values and sentence, and promotes B after confirming", async () => {
    const calls = server({ current: withResults });
    const { u } = renderApp(`/flows/${FLOW}/ab-test`);
    expect(await screen.findByTestId("experiment-conclusion")).toHaveTextContent("B resolves more (45% vs 30% for A, p = 0.03).");
    const table = screen.getByRole("table", { name: "Results per variant" });
    expect(within(table).getByRole("columnheader", { name: "A · v2" })).toBeInTheDocument();
    expect(within(table).getByRole("columnheader", { name: "B · v3" })).toBeInTheDocument();
    expect(screen.getByTestId("a-runs")).toHaveTextContent("104");
    expect(screen.getByTestId("b-rate")).toHaveTextContent("45%");
    expect(screen.getByTestId("a-rate")).toHaveTextContent("30%");
    expect(screen.getByTestId("a-median")).toHaveTextContent("15 min");
    expect(screen.getByTestId("b-median")).toHaveTextContent("10 min");
    expect(screen.getByTestId("a-escalations")).toHaveTextContent("12");
    const tests = screen.getByTestId("significance");
    expect(tests).toHaveTextContent("Resolution rate: p = 0.03 (two-proportion z-test)");
    expect(tests).toHaveTextContent("Time to resolve: p = 0.004 (Mann-Whitney U test)");
    expect(tests).toHaveTextContent("385 completed per variant to detect a 10-point difference (285 more)");

    await u.click(screen.getByRole("button", { name: "Promote B" }));
    const dialog = await screen.findByRole("dialog", { name: "Promote B and end the test?" });
    expect(dialog).toHaveTextContent("Version 3 (variant B) is published as a new version of “Printer offline”");
    await u.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(calls.stops).toEqual([]);

    await u.click(screen.getByRole("button", { name: "Promote B" }));
    await u.click(within(await screen.findByRole("dialog")).getByRole("button", { name: "Promote B" }));
    await waitFor(() => expect(calls.stops).toEqual([{ promote: "b" }]));
    expect(await screen.findByText("B is now the published version of “Printer offline” (v4).")).toBeInTheDocument();
    expect(await screen.findByRole("form", { name: "Start an A/B test" })).toBeInTheDocument();
  });

  it("ends a test without a change, and shows a refusal in the dialog", async () => {
    let fail = true;
    const calls = server({
      current: withResults,
      onStop: (body) =>
        fail
          ? json(409, { title: "Conflict", status: 409, detail: "This A/B test has already stopped." })
          : json(200, experiment({ status: "stopped", promoted: body.promote })),
    });
    const { u } = renderApp(`/flows/${FLOW}/ab-test`);
    await u.click(await screen.findByRole("button", { name: "End without change" }));
    const dialog = await screen.findByRole("dialog", { name: "End the test without a change?" });
    expect(dialog).toHaveTextContent("The published version (v2) stays as it is.");
    await u.click(within(dialog).getByRole("button", { name: "End without change" }));
    expect(await within(dialog).findByText("This A/B test has already stopped.")).toBeInTheDocument();
    fail = false;
    await u.click(within(dialog).getByRole("button", { name: "End without change" }));
    await waitFor(() => expect(calls.stops).toEqual([{ promote: null }, { promote: null }]));
    expect(await screen.findByText("A/B test ended; the published version stays as it is.")).toBeInTheDocument();
  });

  it("lets engineers read the results but not start or stop a test", async () => {
    server({ me: fakeUser(), current: withResults });
    renderApp(`/flows/${FLOW}/ab-test`);
    expect(await screen.findByTestId("experiment-conclusion")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Promote B" })).toBeNull();
    expect(screen.queryByRole("button", { name: "End without change" })).toBeNull();
  });

  it("tells engineers when no test runs, and lists earlier tests", async () => {
    server({
      me: fakeUser(),
      history: [experiment({ status: "stopped", promoted: "b", promoted_version: 3, ended_at: "2026-03-09T09:00:00Z", split: 0.2 })],
    });
    renderApp(`/flows/${FLOW}/ab-test`);
    expect(await screen.findByText("No A/B test is running on this flow")).toBeInTheDocument();
    expect(screen.queryByRole("form", { name: "Start an A/B test" })).toBeNull();
    const table = await screen.findByRole("table", { name: "Earlier tests" });
    const [, row] = within(table).getAllByRole("row");
    expect(row).toHaveTextContent("v2 vs v3 (the draft as of the start)");
    expect(row).toHaveTextContent("80% A / 20% B");
    expect(row).toHaveTextContent("Promote B → v3");
  });

  it("asks to publish a flow that has no published version", async () => {
    server({ flow: flowRead({ latest_version: null }) });
    renderApp(`/flows/${FLOW}/ab-test`);
    expect(await screen.findByText(/This flow has no published version yet/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Start A/B test" })).toBeNull();
  });

  it("shows an error with Try again when the test can't be loaded", async () => {
    let fail = true;
    stubApi(LEAD, ({ route }) => {
      if (route === `GET /api/v1/flows/${FLOW}`) return json(200, flowRead());
      if (route === `GET /api/v1/flows/${FLOW}/experiments`) return json(200, { items: [] });
      if (route === `GET /api/v1/flows/${FLOW}/experiments/current`) {
        return fail ? json(500, { title: "Server error", status: 500, detail: "boom" }) : json(200, null);
      }
      return undefined;
    });
    const { u } = renderApp(`/flows/${FLOW}/ab-test`);
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load the A/B test");
    fail = false;
    await u.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("form", { name: "Start an A/B test" })).toBeInTheDocument();
  });

  it("links the flow page to its test, marked while one runs", async () => {
    server({ current: withResults });
    const { u, router } = renderApp(`/flows/${FLOW}`);
    const link = await screen.findByTestId("ab-test-link");
    await waitFor(() => expect(link).toHaveTextContent("A/B test running"));
    await u.click(link);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/flows/${FLOW}/ab-test`));
  });
});
