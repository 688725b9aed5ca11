import { act, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { queryClient } from "@/lib/query-client";
import { fakeSession, fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";
import { forgetHeldValues } from "../model/held-values";

const SID = "11111111-1111-1111-1111-111111111111";
const FLOW = "22222222-2222-2222-2222-222222222222";
const ME = "00000000-0000-0000-0000-000000000001";
const PASSWORD = "Kx9#mPq2zz-Temp";
const CAPTURED = "••• (secret captured)";

const me = fakeUser();

function event(seq: number, type: string, payload: Record<string, unknown>) {
  return { id: `e${seq}`, seq, type, actor_id: ME, actor_name: me.name, created_at: "2026-03-01T10:00:00Z", payload };
}

function inputStep(input_type: "text" | "secret") {
  return {
    node_id: "pw",
    type: "input",
    title: "Password",
    body: "",
    flow_id: FLOW,
    flow_title: "Map the drive",
    answers: [],
    items: [],
    ticked: [],
    variable: "password",
    input_type,
    outcome: null,
  };
}

// The server leaves {{password}} for the runner: it never had the value (or keeps it redacted).
const mapStep = {
  ...inputStep("text"),
  node_id: "map",
  type: "action",
  title: "Map the drive as the user",
  body: "Run `net use Z: /user:dana {{password}}`",
  variable: null,
  input_type: null,
};

function session(step: object, overrides: Record<string, unknown> = {}) {
  return fakeSession({ flow_id: FLOW, flow_title: "Map the drive", flow_version: 1, current_node: "pw", current_step: step, last_seq: 2, ...overrides });
}

function fakeServer(inputType: "text" | "secret") {
  const posted: Record<string, unknown>[] = [];
  const shown = inputType === "secret" ? CAPTURED : "[REDACTED:password]";
  stubApi(me, async ({ input, route }) => {
    if (route === `GET /api/v1/sessions/${SID}`) {
      return json(200, {
        ...session(inputStep(inputType)),
        timeline: [event(1, "started", { title: "Drive gone" }), event(2, "step_shown", { node_id: "pw", node_type: "input", title: "Password" })],
      });
    }
    if (route === `GET /api/v1/sessions/${SID}/documentation`) return new Response("# Drive gone\n", { headers: { "content-type": "text/markdown" } });
    if (route === `POST /api/v1/sessions/${SID}/events`) {
      posted.push((await input.json()) as Record<string, unknown>);
      return json(201, {
        session: session(mapStep, { current_node: "map", last_seq: 4, variables: { password: shown }, withheld_variables: ["password"] }),
        events: [
          event(3, "answer", {
            node_id: "pw",
            node_type: "input",
            title: "Password",
            variable: "password",
            value: shown,
            ...(inputType === "secret" ? { secret: true } : {}),
          }),
          event(4, "step_shown", { node_id: "map", node_type: "action", title: mapStep.title }),
        ],
      });
    }
  });
  return posted;
}

resetAppBetweenTests();
afterEach(() => act(() => forgetHeldValues()));

describe("Session runner: secret inputs", () => {
  it("asks in a password field with a Show toggle, sends no value, and the timeline says only that a secret was captured", async () => {
    const posted = fakeServer("secret");
    const u = userEvent.setup();
    renderApp(`/sessions/${SID}`);

    const field = await screen.findByLabelText("Password");
    expect(field).toHaveAttribute("type", "password");
    expect(field).toHaveAttribute("autocomplete", "off");
    expect(field).not.toHaveAttribute("name");
    expect(screen.getByText(/kept in this browser only/)).toBeInTheDocument();
    await u.type(field, PASSWORD);
    const toggle = screen.getByRole("button", { name: "Show" });
    await u.click(toggle);
    expect(field).toHaveAttribute("type", "text");
    expect(screen.getByRole("button", { name: "Hide" })).toHaveAttribute("aria-pressed", "true");
    await u.click(screen.getByRole("button", { name: "Hide" }));
    expect(field).toHaveAttribute("type", "password");

    await u.click(screen.getByRole("button", { name: "Continue" }));
    const heading = await screen.findByRole("heading", { name: "Map the drive as the user" });
    expect(posted).toEqual([{ type: "answer", node_id: "pw", answer: "" }]);

    const timeline = screen.getByRole("region", { name: "Timeline" });
    expect(within(timeline).getByText("Secret captured")).toBeInTheDocument();
    expect(within(timeline).getByText(`password = ${CAPTURED}`)).toBeInTheDocument();

    // The next step uses it: masked until asked for, and only on this card.
    const card = heading.closest("section")!;
    expect(card).toHaveTextContent("net use Z: /user:dana •••");
    expect(document.body).not.toHaveTextContent(PASSWORD);
    await u.click(within(card).getByRole("button", { name: "Show values" }));
    expect(card).toHaveTextContent(`net use Z: /user:dana ${PASSWORD}`);
    expect(within(timeline).queryByText(new RegExp(PASSWORD.replace(/[#-]/g, ".")))).toBeNull();
    await u.click(within(card).getByRole("button", { name: "Hide values" }));
    expect(document.body).not.toHaveTextContent(PASSWORD);
    // Nothing cached holds it.
    expect(JSON.stringify(queryClient.getQueryCache().getAll().map((q) => q.state.data))).not.toContain(PASSWORD);
  });

  it("fills a value the server keeps redacted from what this runner typed, and falls back to the redacted one when it has nothing", async () => {
    const posted = fakeServer("text");
    const u = userEvent.setup();
    renderApp(`/sessions/${SID}`);

    const field = await screen.findByLabelText("Password");
    expect(field).not.toHaveAttribute("type", "password");
    await u.type(field, PASSWORD);
    await u.click(screen.getByRole("button", { name: "Continue" }));
    const card = (await screen.findByRole("heading", { name: "Map the drive as the user" })).closest("section")!;
    // An ordinary input still sends its value (the server redacts it with its prompt).
    expect(posted).toEqual([{ type: "answer", node_id: "pw", answer: "", value: PASSWORD }]);
    await u.click(within(card).getByRole("button", { name: "Show values" }));
    expect(card).toHaveTextContent(`net use Z: /user:dana ${PASSWORD}`);

    // After a reload (nothing held), the step shows what the server may show.
    act(() => forgetHeldValues());
    expect(await within(card).findByText(/net use Z: \/user:dana \[REDACTED:password\]/)).toBeInTheDocument();
    expect(within(card).queryByRole("button", { name: /values/ })).toBeNull();
  });
});
