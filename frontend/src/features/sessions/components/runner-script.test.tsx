import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeSession, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const SCRIPT = "66666666-6666-6666-6666-666666666666";
const ME = "00000000-0000-0000-0000-000000000001";
const me = fakeUser();

const step = {
  node_id: "restart",
  type: "action",
  title: "Restart the spooler",
  body: "",
  flow_id: FLOW,
  flow_title: "Printing",
  answers: [],
  items: [],
  ticked: [],
  variable: null,
  input_type: null,
  outcome: null,
  script_id: SCRIPT,
};

const script = {
  id: SCRIPT,
  title: "Restart a service",
  language: "powershell",
  body: "Restart-Service -Name {{service}} -ComputerName {{host}} -Credential {{password}}",
  params: [
    { name: "service", type: "string", required: true, default: null, pattern: null, choices: [], help: "" },
    { name: "host", type: "hostname", required: true, default: null, pattern: null, choices: [], help: "" },
    { name: "password", type: "secret", required: true, default: null, pattern: null, choices: [], help: "" },
  ],
  description: "",
  tags: [],
  risk: "destructive",
  team_id: null,
  created_by_id: ME,
  revision: 1,
  can_edit: true,
  created_at: "2026-03-01T10:00:00Z",
  updated_at: "2026-03-01T10:00:00Z",
};

resetAppBetweenTests();

describe("Session runner: an action step's script", () => {
  it("shows the risk, pre-fills from variables and the target, and Copy renders with the session and copies", async () => {
    const rendered: unknown[] = [];
    stubApi(me, async ({ input, route }) => {
      if (route === `GET /api/v1/sessions/${SID}`)
        return json(200, {
          ...fakeSession({ flow_id: FLOW, flow_title: "Printing", flow_version: 1, current_node: "restart", current_step: step, last_seq: 2, variables: { service: "Spooler", "target.hostname": "PRINT01" } }),
          timeline: [],
        });
      if (route === `GET /api/v1/sessions/${SID}/documentation`) return new Response("# x\n", { headers: { "content-type": "text/markdown" } });
      if (route === `GET /api/v1/scripts/${SCRIPT}`) return json(200, script);
      if (route === `POST /api/v1/scripts/${SCRIPT}/render`) {
        rendered.push(await input.json());
        return json(200, { script: "Restart-Service -Name 'Spooler' -ComputerName 'PRINT01' -Credential 'pw'", recorded_seq: 3 });
      }
      return undefined;
    });
    const u = userEvent.setup();
    renderApp(`/sessions/${SID}`);
    const card = await screen.findByRole("region", { name: "Script: Restart a service" });
    expect(within(card).getByTestId("risk-badge")).toHaveTextContent("Destructive");
    expect(within(card).getByText(/deletes or overwrites data/)).toBeInTheDocument();
    expect(within(card).getByLabelText("service (required)")).toHaveValue("Spooler");
    expect(within(card).getByLabelText("host (required)")).toHaveValue("PRINT01");
    const secret = within(card).getByLabelText("password (required)");
    expect(secret).toHaveAttribute("type", "password");
    await u.type(secret, "pw");
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(window, "isSecureContext", { value: true, configurable: true });
    Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
    await u.click(within(card).getByRole("button", { name: "Copy" }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith("Restart-Service -Name 'Spooler' -ComputerName 'PRINT01' -Credential 'pw'"));
    expect(within(card).getByTestId("copy-status")).toHaveTextContent("Copied");
    expect(rendered).toEqual([{ values: { service: "Spooler", host: "PRINT01", password: "pw" }, session_id: SID }]);
  });
});
