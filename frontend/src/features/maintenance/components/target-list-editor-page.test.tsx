import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

type Obj = Record<string, unknown>;
const LIST = "10000000-0000-0000-0000-000000000001";

const saved = (body: Obj, id = LIST): Obj => ({
  id,
  name: body.name,
  team_id: body.team_id ?? null,
  target_count: (body.targets as Obj[]).length,
  clients: [],
  created_at: "2026-12-01T00:00:00Z",
  updated_at: "2026-12-01T00:00:00Z",
  targets: (body.targets as Obj[]).map((t, i) => ({ id: t.id ?? `t${i}`, position: i, label: t.label, client: t.client ?? "", notes: t.notes ?? "", fields: t.fields ?? {}, psa_company_id: t.psa_company_id ?? null, psa_config_id: t.psa_config_id ?? null })),
});

function fakeServer(opts: { save?: (body: Obj) => Response | undefined } = {}) {
  const bodies: Obj[] = [];
  const csv: string[] = [];
  stubApi(fakeUser(), async ({ input, route }) => {
    if (route === "GET /api/v1/teams") return json(200, { items: [{ id: "team-1", name: "Service Desk", member_count: 2, description: "", created_at: "" }] });
    if (route === "GET /api/v1/target-lists") return json(200, { items: [], next_cursor: null });
    if (route === "POST /api/v1/target-lists" || route === `PUT /api/v1/target-lists/${LIST}`) {
      const body = (await input.json()) as Obj;
      bodies.push(body);
      return opts.save?.(body) ?? json(route.startsWith("POST") ? 201 : 200, saved(body));
    }
    if (route === `GET /api/v1/target-lists/${LIST}`) {
      return json(200, saved({ name: "Fabrikam servers", team_id: "team-1", targets: [{ id: "t1", label: "FAB-DC01", client: "Fabrikam", fields: { ip: "10.0.0.1" } }] }));
    }
    if (route === "GET /api/v1/target-lists/psa-configurations") {
      const company = new URL(input.url).searchParams.get("company_id");
      if (company === "404") return json(422, { title: "Validation failed", status: 422, detail: "", errors: [{ loc: ["query", "company_id"], msg: "No such company in ConnectWise." }] });
      return json(200, {
        provider: "connectwise",
        company_id: company,
        client: "Contoso",
        targets: [
          { label: "CON-WEB01", client: "Contoso", notes: "", fields: { ip: "10.20.0.30", os: "Windows Server 2022" }, psa_company_id: company, psa_config_id: "501" },
          { label: "CON-WEB01", client: "Contoso", notes: "", fields: {}, psa_company_id: company, psa_config_id: "502" },
        ],
        truncated: false,
        repeated_labels: 1,
      });
    }
    if (route === "POST /api/v1/target-lists/csv-preview") {
      const body = (await input.json()) as { csv: string };
      csv.push(body.csv);
      return json(200, {
        targets: [
          { label: "CON-DC01", client: "Contoso", notes: "", fields: { ip: "10.20.0.10" }, psa_company_id: null, psa_config_id: null },
          { label: "CON-SQL01", client: "Contoso", notes: "", fields: { ip: "10.20.0.15" }, psa_company_id: null, psa_config_id: null },
        ],
        rows: [
          { row: 2, label: "CON-DC01", ok: true, errors: [] },
          { row: 3, label: "CON-SQL01", ok: true, errors: [] },
          { row: 4, label: "", ok: false, errors: ["label is empty"] },
          { row: 5, label: "CON-DC01", ok: false, errors: ["“CON-DC01” repeats row 2"] },
        ],
        error_count: 2,
        fields: ["ip"],
      });
    }
  });
  return { bodies, csv };
}

resetAppBetweenTests();

describe("Target list editor", () => {
  it("creates a list from the table: cells, a field column, blank rows left out", async () => {
    const { bodies } = fakeServer();
    const { u, router } = renderApp("/maintenance/target-lists/new");
    expect(await screen.findByRole("heading", { name: "New target list" })).toBeInTheDocument();
    await u.type(screen.getByLabelText("Name"), "Contoso servers");
    await u.type(screen.getByLabelText("Label, row 1"), "CON-DC01");
    await u.type(screen.getByLabelText("Client, row 1"), "Contoso");
    await u.type(screen.getByLabelText("New field name"), "ip");
    await u.click(screen.getByRole("button", { name: "Add field" }));
    await u.type(screen.getByLabelText("ip, row 1"), "10.20.0.10");
    await u.click(screen.getByRole("button", { name: "Add target" }));
    await u.click(screen.getByRole("button", { name: "Add target" }));
    await u.type(screen.getByLabelText("Label, row 2"), "CON-SQL01");
    await u.type(screen.getByLabelText("PSA config, row 2"), "881");
    await u.click(screen.getByRole("button", { name: "Create list" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({
      name: "Contoso servers",
      team_id: null,
      targets: [
        { label: "CON-DC01", client: "Contoso", notes: "", fields: { ip: "10.20.0.10" }, psa_company_id: null, psa_config_id: null },
        { label: "CON-SQL01", client: "", notes: "", fields: {}, psa_company_id: null, psa_config_id: "881" },
      ],
    });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/maintenance/target-lists/${LIST}`));
  });

  it("asks before leaving with unsaved changes", async () => {
    fakeServer();
    const { u, router } = renderApp(`/maintenance/target-lists/${LIST}`);
    await screen.findByRole("heading", { name: "Fabrikam servers" });
    await u.type(screen.getByLabelText("Client, row 1"), " Ltd");
    await u.click(screen.getByRole("link", { name: "Discard" }));
    const dialog = screen.getByRole("dialog", { name: "Leave without saving?" });
    await u.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(router.state.location.pathname).toBe(`/maintenance/target-lists/${LIST}`);
    expect(screen.getByLabelText("Client, row 1")).toHaveValue("Fabrikam Ltd");
    await u.click(screen.getByRole("link", { name: "Discard" }));
    await u.click(within(screen.getByRole("dialog", { name: "Leave without saving?" })).getByRole("button", { name: "Leave" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/maintenance/target-lists"));
  });

  it("imports a PSA company's configurations: a bad company on its field, then the targets with their PSA ids", async () => {
    const { bodies } = fakeServer();
    const { u } = renderApp(`/maintenance/target-lists/${LIST}`);
    await screen.findByRole("heading", { name: "Fabrikam servers" });
    await u.click(screen.getByRole("button", { name: "Import from PSA…" }));
    const dialog = screen.getByRole("dialog", { name: "Import targets from the PSA" });
    await u.type(within(dialog).getByLabelText("PSA company id"), "404");
    await u.click(within(dialog).getByRole("button", { name: "Find configurations" }));
    const company = within(dialog).getByLabelText("PSA company id");
    await waitFor(() => expect(company).toHaveAttribute("aria-invalid", "true"));
    expect(company).toHaveAccessibleDescription("No such company in ConnectWise.");
    await u.clear(company);
    await u.type(company, "250");
    await u.click(within(dialog).getByRole("button", { name: "Find configurations" }));
    expect(await within(dialog).findByTestId("psa-summary")).toHaveTextContent("Contoso: 2 configurations · 1 name used more than once");
    expect(within(dialog).getAllByTestId("psa-row")[0]).toHaveTextContent("ip: 10.20.0.30 · os: Windows Server 2022");
    await u.click(within(dialog).getByRole("button", { name: "Replace the table" }));
    expect(screen.getAllByTestId("target-row")).toHaveLength(2);
    expect(screen.getByLabelText("PSA config, row 2")).toHaveValue("502");
    await u.click(screen.getByRole("button", { name: "Save list" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect((bodies[0]!.targets as Obj[]).map((t) => [t.label, t.psa_company_id, t.psa_config_id])).toEqual([
      ["CON-WEB01", "250", "501"],
      ["CON-WEB01", "250", "502"],
    ]);
  });

  it("refuses a bad field name", async () => {
    fakeServer();
    const { u } = renderApp("/maintenance/target-lists/new");
    await screen.findByRole("heading", { name: "New target list" });
    await u.type(screen.getByLabelText("New field name"), "2 sites");
    await u.click(screen.getByRole("button", { name: "Add field" }));
    expect(screen.getByLabelText("New field name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByText(/starting with a letter/)).toBeInTheDocument();
  });

  it("shows a repeated label's 422 on its cell, and the row count on top", async () => {
    fakeServer({
      save: () =>
        json(422, { title: "Validation failed", status: 422, detail: "", errors: [{ loc: ["body", "targets", "1", "label"], msg: "Value error, “fab-dc01” repeats “FAB-DC01”." }] }),
    });
    const { u } = renderApp(`/maintenance/target-lists/${LIST}`);
    expect(await screen.findByRole("heading", { name: "Fabrikam servers" })).toBeInTheDocument();
    expect(screen.getByLabelText("ip, row 1")).toHaveValue("10.0.0.1");
    await waitFor(() => expect(screen.getByLabelText("Team")).toHaveValue("team-1"));
    await u.click(screen.getByRole("button", { name: "Add target" }));
    await u.type(screen.getByLabelText("Label, row 2"), "fab-dc01");
    await u.click(screen.getByRole("button", { name: "Save list" }));
    const cell = screen.getByLabelText("Label, row 2");
    await waitFor(() => expect(cell).toHaveAttribute("aria-invalid", "true"));
    expect(cell).toHaveAccessibleDescription("“fab-dc01” repeats “FAB-DC01”.");
    expect(screen.getByRole("alert")).toHaveTextContent("Some targets need fixing (1 row, marked below).");
  });

  it("imports a CSV: every row's problems first, then the valid targets added to the table", async () => {
    const { csv, bodies } = fakeServer();
    const { u } = renderApp(`/maintenance/target-lists/${LIST}`);
    await screen.findByRole("heading", { name: "Fabrikam servers" });
    await u.click(screen.getByRole("button", { name: "Import CSV…" }));
    const dialog = screen.getByRole("dialog", { name: "Import targets from CSV" });
    await u.click(within(dialog).getByLabelText("Or paste it"));
    await u.paste("label,client,ip\nCON-DC01,Contoso,10.20.0.10");
    await u.click(within(dialog).getByRole("button", { name: "Preview" }));
    expect(await within(dialog).findByTestId("csv-summary")).toHaveTextContent("2 valid targets · 2 rows with problems (left out) · fields: ip");
    const rows = within(dialog).getAllByTestId("csv-row");
    expect(rows).toHaveLength(4);
    expect(rows[2]).toHaveTextContent("label is empty");
    expect(rows[3]).toHaveTextContent("“CON-DC01” repeats row 2");
    expect(csv).toEqual(["label,client,ip\nCON-DC01,Contoso,10.20.0.10"]);
    await u.click(within(dialog).getByRole("button", { name: "Add 2 targets" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(screen.getAllByTestId("target-row")).toHaveLength(3);
    expect(screen.getByLabelText("Label, row 3")).toHaveValue("CON-SQL01");
    expect(screen.getByLabelText("ip, row 3")).toHaveValue("10.20.0.15");
    await u.click(screen.getByRole("button", { name: "Save list" }));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect((bodies[0]!.targets as Obj[]).map((t) => [t.id ?? null, t.label])).toEqual([
      ["t1", "FAB-DC01"],
      [null, "CON-DC01"],
      [null, "CON-SQL01"],
    ]);
  });
});
