import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { deferred, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";

const me = fakeUser();

const TICKETS = [
  { id: "48213", summary: "VPN drops every hour", company: "Contoso", status: "New", board: "Service", priority: "High" },
  { id: "48214", summary: "VPN client won't install", company: "Fabrikam", status: "In progress", board: "Service", priority: "Medium" },
  { id: "50001", summary: "Printer offline", company: "Contoso", status: "New", board: "Service", priority: "Low" },
];

function fakeServer(opts: { connected?: boolean } = {}) {
  const searches: string[] = [];
  const created: Record<string, unknown>[] = [];
  stubApi(me, async ({ input, url, route }) => {
    if (route === "GET /api/v1/psa/tickets") {
      const q = url.searchParams.get("q") ?? "";
      searches.push(q);
      if (opts.connected === false) {
        return json(409, { type: "https://resolutionflow.dev/problems/psa-not-configured", title: "Conflict", status: 409, detail: "No PSA is connected." });
      }
      const words = q.toLowerCase();
      return json(200, TICKETS.filter((t) => !words || t.id.includes(words) || t.summary.toLowerCase().includes(words)));
    }
    if (route === "POST /api/v1/sessions") {
      const body = (await input.json()) as Record<string, unknown>;
      created.push(body);
      return json(201, { id: SID });
    }
  });
  return { searches, created };
}

function renderStart() {
  return renderApp("/sessions/new");
}

resetAppBetweenTests();

describe("Ticket picker on the start page", () => {
  it("offers no search box until the PSA has answered that it is connected", async () => {
    const answer = deferred<Response>();
    stubApi(me, async ({ route }) => {
      if (route === "GET /api/v1/psa/tickets") return answer.promise;
    });
    renderStart();
    const ticket = await screen.findByRole("textbox", { name: "Ticket" }, { timeout: 5000 });
    expect(ticket).toBeInTheDocument();
    expect(screen.queryByRole("combobox", { name: "Search open tickets" })).not.toBeInTheDocument();
    answer.resolve(json(200, TICKETS));
    expect(await screen.findByRole("combobox", { name: "Search open tickets" })).toBeInTheDocument();
  });

  it("searches open tickets and picks one with the keyboard: ticket id and empty title filled", async () => {
    const { searches } = fakeServer();
    const { u } = renderStart();
    const box = await screen.findByRole("combobox", { name: "Search open tickets" }, { timeout: 5000 });
    await u.click(box);
    await u.type(box, "vpn");
    const list = screen.getByRole("listbox", { name: "Open tickets" });
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(2));
    expect(searches).toContain("vpn");
    const options = within(list).getAllByRole("option");
    expect(options[0]).toHaveTextContent("#48213");
    expect(options[0]).toHaveTextContent("VPN drops every hour");
    expect(options[0]).toHaveTextContent("Contoso");
    expect(options[0]).toHaveTextContent("New");

    await u.keyboard("{ArrowDown}{ArrowDown}");
    expect(box).toHaveAttribute("aria-activedescendant", options[1]!.id);
    expect(options[1]).toHaveAttribute("aria-selected", "true");
    await u.keyboard("{Enter}");

    expect(screen.getByRole("textbox", { name: "Ticket" })).toHaveValue("48214");
    expect(screen.getByRole("textbox", { name: "Title" })).toHaveValue("VPN client won't install");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByTestId("picked-ticket")).toHaveTextContent("Picked #48214 — VPN client won't install (Fabrikam)");
  });

  it("keeps a title already typed, and Escape closes the list without picking", async () => {
    fakeServer();
    const { u } = renderStart();
    const title = await screen.findByRole("textbox", { name: "Title" }, { timeout: 5000 });
    await u.type(title, "Printer at reception");
    const box = await screen.findByRole("combobox", { name: "Search open tickets" });
    await u.click(box);
    await u.type(box, "printer");
    const list = screen.getByRole("listbox", { name: "Open tickets" });
    await waitFor(() => expect(within(list).getAllByRole("option")).toHaveLength(1));
    await u.keyboard("{ArrowDown}{Escape}");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByRole("textbox", { name: "Ticket" })).toHaveValue("");

    await u.keyboard("{ArrowDown}");
    expect(box).toHaveAttribute("aria-expanded", "true");
    await u.keyboard("{ArrowDown}{Enter}");
    expect(screen.getByRole("textbox", { name: "Ticket" })).toHaveValue("50001");
    expect(title).toHaveValue("Printer at reception");
  });

  it("without a PSA says so, and a typed ticket number still starts the session", async () => {
    const { created } = fakeServer({ connected: false });
    const { u, router } = renderStart();
    expect(await screen.findByTestId("psa-not-connected", {}, { timeout: 5000 })).toHaveTextContent("No PSA connected");
    expect(screen.queryByRole("combobox", { name: "Search open tickets" })).not.toBeInTheDocument();
    await u.type(screen.getByRole("textbox", { name: "Title" }), "Sam can't connect");
    await u.type(screen.getByRole("textbox", { name: "Ticket" }), "777");
    await u.click(screen.getByRole("button", { name: "Start" }));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ title: "Sam can't connect", ticket_id: "777", mode: "guided" });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/sessions/${SID}`));
  });
});
