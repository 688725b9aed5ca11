import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

const row = (over: Record<string, unknown>) => ({
  day: "2026-03-02",
  provider: "anthropic",
  model: "claude-haiku-4-5",
  action: "copilot_chat",
  calls: 1,
  fallbacks: 0,
  input_tokens: 100,
  output_tokens: 20,
  cache_read_tokens: 0,
  cost_usd: "0.0010",
  ...over,
});

function fakeServer(usage: (url: URL) => Response) {
  const asked: URL[] = [];
  stubApi(TEAM_ADMIN, ({ url, route }) => {
    if (route === "GET /api/v1/ai/usage") {
      asked.push(url);
      return usage(url);
    }
  });
  return { asked };
}

function renderPage(path = "/admin/ai/usage?since=2026-03-01&until=2026-03-03") {
  return renderApp(path).router;
}

resetAppBetweenTests();

describe("AI usage page", () => {
  it("shows totals, the budget bar, and the rows grouped by day", async () => {
    const { asked } = fakeServer((url) =>
      json(200, {
        since: url.searchParams.get("since"),
        until: url.searchParams.get("until"),
        rows: [
          row({ day: "2026-03-03", calls: 3, cost_usd: "0.0300" }),
          row({ day: "2026-03-03", provider: "offline", model: "offline", action: "assist_chat", calls: 2, fallbacks: 2, input_tokens: 0, output_tokens: 0, cost_usd: "0" }),
          row({ day: "2026-03-01", action: "resolution_note", model: "claude-sonnet-4-6", calls: 1, cost_usd: "0.0200" }),
        ],
        total_calls: 6,
        total_cost_usd: "0.0500",
        month_spend_usd: "7.50",
        monthly_budget_usd: "10.00",
      }),
    );
    renderPage();
    expect(await screen.findByTestId("usage-total-calls")).toHaveTextContent("6");
    expect(screen.getByTestId("usage-total-cost")).toHaveTextContent("$0.05");
    expect(screen.getByRole("meter", { name: "This month's spend against the budget" })).toHaveAttribute("aria-valuenow", "7.5");
    expect(screen.getByText("$7.50")).toBeInTheDocument();
    expect(asked[0]!.searchParams.get("since")).toBe("2026-03-01");
    expect(asked[0]!.searchParams.get("until")).toBe("2026-03-03");

    const table = screen.getByRole("table", { name: "AI usage by day" });
    const day3 = within(table).getByTestId("usage-day-2026-03-03");
    expect(day3).toHaveTextContent("5"); // 3 + 2 calls
    expect(within(table).getByTestId("usage-day-2026-03-01")).toBeInTheDocument();
    expect(within(table).getByText("ResolutionAssist chat")).toBeInTheDocument();
    expect(within(table).getByText("Resolution note")).toBeInTheDocument();

    const byAction = screen.getByRole("table", { name: "Usage by action" });
    expect(within(byAction).getByText("Copilot chat")).toBeInTheDocument();
    expect(screen.getByRole("table", { name: "Usage by model" })).toHaveTextContent("claude-sonnet-4-6");
    expect(screen.getByText(/Costs are estimates from the providers' list prices/)).toBeInTheDocument();
  });

  it("says so when there were no calls", async () => {
    fakeServer(() =>
      json(200, { since: "2026-03-01", until: "2026-03-03", rows: [], total_calls: 0, total_cost_usd: "0", month_spend_usd: "0", monthly_budget_usd: null }),
    );
    renderPage();
    expect(await screen.findByText("No AI calls in this period")).toBeInTheDocument();
    expect(screen.getByText("The offline engine's answers are recorded too, at no cost.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getByText(/no monthly budget/)).toBeInTheDocument();
  });

  it("shows a load error with a retry", async () => {
    fakeServer(() => json(422, { title: "Validation failed", status: 422, detail: "Ask for at most a year at a time.", errors: [] }));
    renderPage();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Couldn't load AI usage");
    expect(alert).toHaveTextContent("Ask for at most a year at a time.");
    expect(within(alert).getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });

  it("refuses a start date after the end date without asking the server", async () => {
    const { asked } = fakeServer(() =>
      json(200, { since: "2026-03-01", until: "2026-03-03", rows: [], total_calls: 0, total_cost_usd: "0", month_spend_usd: "0", monthly_budget_usd: null }),
    );
    renderPage("/admin/ai/usage?since=2026-03-05&until=2026-03-03");
    expect(await screen.findByText("The start date is after the end date.")).toBeInTheDocument();
    const u = userEvent.setup();
    const from = screen.getByLabelText("From");
    await u.clear(from);
    await u.type(from, "2026-03-02");
    await waitFor(() => expect(asked).toHaveLength(1));
    expect(asked[0]!.searchParams.get("since")).toBe("2026-03-02");
  });
});
