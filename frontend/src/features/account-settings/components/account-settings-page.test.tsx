import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

const HEADINGS: [string, string][] = [
  ["summary", "Problem summary"],
  ["context", "Environment and ticket"],
  ["steps", "Steps performed"],
  ["notes", "Notes and command output"],
  ["resolution", "Resolution"],
  ["follow_ups", "Follow-ups"],
  ["time", "Time spent"],
];

type Template = { sections: { key: string; heading: string; enabled: boolean }[]; header: string; footer: string };

const defaultTemplate = (): Template => ({
  sections: HEADINGS.map(([key, heading]) => ({ key, heading, enabled: true })),
  header: "",
  footer: "",
});

/** What the fake preview endpoint renders: enabled headings in order, plus header and footer. */
function renderSample(t: Template): string {
  return [t.header, ...t.sections.filter((s) => s.enabled).map((s) => `## ${s.heading}\n\npw [REDACTED:password]`), t.footer].filter(Boolean).join("\n\n");
}

function fakeServer(
  opts: { patchResponse?: (body: Record<string, unknown>) => Response; role?: string; template?: Template } = {},
) {
  const account = {
    id: TEAM_ADMIN.account_id,
    name: "Acme MSP",
    slug: "acme-msp",
    engineers_can_publish: false,
    redact_emails: false,
    redact_phones: true,
    redact_ip_addresses: false,
    created_at: "2026-01-01T00:00:00Z",
    user_count: 7,
  };
  let template = opts.template ?? defaultTemplate();
  const saved: Template[] = [];
  const previewed: Template[] = [];
  const me = { ...TEAM_ADMIN, role: opts.role ?? TEAM_ADMIN.role };
  const patched: Record<string, unknown>[] = [];
  stubApi(() => ({ ...me, account_name: account.name }), async ({ input, route }) => {
    if (route === "GET /api/v1/account") return json(200, account);
    if (route === "PATCH /api/v1/account") {
      const body = (await input.json()) as Record<string, unknown>;
      patched.push(body);
      if (opts.patchResponse) return opts.patchResponse(body);
      Object.assign(account, body);
      return json(200, account);
    }
    if (route === "GET /api/v1/account/note-template") return json(200, template);
    if (route === "PUT /api/v1/account/note-template") {
      template = (await input.json()) as Template;
      saved.push(template);
      return json(200, template);
    }
    if (route === "POST /api/v1/account/note-template/preview") {
      const body = (await input.json()) as Template;
      previewed.push(body);
      return json(200, { markdown: renderSample(body) });
    }
  });
  return { patched, account, saved, previewed };
}

function renderPage() {
  renderApp("/admin/account");
}

resetAppBetweenTests();

describe("Account settings page", () => {
  it("renders the current values", async () => {
    fakeServer();
    renderPage();
    expect(await screen.findByRole("heading", { name: "Account settings" })).toBeInTheDocument();
    expect(await screen.findByLabelText("Account name")).toHaveValue("Acme MSP");
    const publishing = screen.getByRole("region", { name: "Publishing" });
    expect(within(publishing).getByRole("checkbox", { name: "Engineers can publish flows" })).not.toBeChecked();
    expect(screen.getByText("When off, only team admins publish; engineers edit drafts.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Save name" })).toBeDisabled();
    expect(screen.getByRole("link", { name: "Account settings" })).toBeInTheDocument();
  });

  it("saves publishing as soon as the box is ticked", async () => {
    const { patched } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    const box = await screen.findByRole("checkbox", { name: "Engineers can publish flows" });
    await u.click(box);
    expect(box).toBeChecked();
    expect(await screen.findByText("Engineers can now publish flows.")).toBeInTheDocument();
    expect(patched).toEqual([{ engineers_can_publish: true }]);
    await waitFor(() => expect(box).toBeEnabled());
    expect(box).toBeChecked();
  });

  it("rolls the box back when the change fails", async () => {
    fakeServer({ patchResponse: () => json(403, { title: "Forbidden", status: 403, detail: "Not allowed.", errors: [] }) });
    const u = userEvent.setup();
    renderPage();
    const box = await screen.findByRole("checkbox", { name: "Engineers can publish flows" });
    await u.click(box);
    expect(await screen.findByText(/Couldn't change publishing: Not allowed\./)).toBeInTheDocument();
    await waitFor(() => expect(box).not.toBeChecked());
  });

  it("renames the account and updates the header", async () => {
    const { patched } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    const field = await screen.findByLabelText("Account name");
    await u.clear(field);
    await u.type(field, "Acme Managed Services");
    await u.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("Account name saved.")).toBeInTheDocument();
    expect(patched).toEqual([{ name: "Acme Managed Services" }]);
    expect(await screen.findByRole("banner")).toHaveTextContent("Acme Managed Services");
  });

  it("shows a taken name next to the field", async () => {
    fakeServer({
      patchResponse: () =>
        json(409, {
          title: "Conflict",
          status: 409,
          detail: "That account name is taken.",
          errors: [{ loc: ["body", "name"], msg: "An account with this name already exists.", type: "conflict" }],
        }),
    });
    const u = userEvent.setup();
    renderPage();
    const field = await screen.findByLabelText("Account name");
    await u.clear(field);
    await u.type(field, "Globex");
    await u.click(screen.getByRole("button", { name: "Save name" }));
    expect(await screen.findByText("An account with this name already exists.")).toBeInTheDocument();
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(field).toHaveAccessibleDescription("An account with this name already exists.");
  });

  it("turns an engineer away", async () => {
    fakeServer({ role: "engineer" });
    renderPage();
    expect(await screen.findByRole("heading", { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Account settings" })).toBeNull();
  });

  it("saves each redaction box on change and rolls back on error", async () => {
    let fail = false;
    const server = fakeServer({
      patchResponse: (body) => (fail ? json(403, { title: "Forbidden", status: 403, detail: "Not allowed.", errors: [] }) : json(200, Object.assign(server.account, body))),
    });
    const u = userEvent.setup();
    renderPage();
    const region = await screen.findByRole("region", { name: "Redaction" });
    expect(within(region).getByText(/Passwords, keys and tokens are always redacted/)).toBeInTheDocument();
    const emails = within(region).getByRole("checkbox", { name: "Also redact email addresses" });
    const phones = within(region).getByRole("checkbox", { name: "Also redact phone numbers" });
    const ips = within(region).getByRole("checkbox", { name: "Also redact IP addresses" });
    expect(emails).not.toBeChecked();
    expect(phones).toBeChecked();
    expect(ips).not.toBeChecked();

    await u.click(emails);
    expect(emails).toBeChecked();
    expect(await screen.findByText("Email addresses will now be redacted.")).toBeInTheDocument();
    expect(server.patched).toEqual([{ redact_emails: true }]);

    fail = true;
    await u.click(ips);
    expect(await screen.findByText(/Couldn't change redaction: Not allowed\./)).toBeInTheDocument();
    await waitFor(() => expect(ips).not.toBeChecked());
    expect(emails).toBeChecked();
  });

  it("edits the note template with a live preview, then saves it", async () => {
    const { saved, previewed } = fakeServer();
    const u = userEvent.setup();
    renderPage();
    const list = await screen.findByRole("list", { name: "Note sections" });
    const order = () => within(list).getAllByRole("textbox").map((el) => (el as HTMLInputElement).value);
    expect(order()).toEqual(HEADINGS.map(([, h]) => h));
    expect(screen.getByRole("button", { name: "Move Problem summary up" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Move Time spent down" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Save template" })).toBeDisabled();
    expect(screen.getByRole("button", { name: "Reset to default" })).toBeDisabled();

    const preview = screen.getByRole("region", { name: "Template preview" });
    expect(await within(preview).findByRole("heading", { name: "Problem summary" })).toBeInTheDocument();
    expect(preview.querySelector("mark")).toHaveTextContent("[REDACTED:password]");

    await u.click(screen.getByRole("button", { name: "Move Resolution up" }));
    await u.click(screen.getByRole("checkbox", { name: "Include Time spent" }));
    const heading = screen.getByLabelText("Heading for Problem summary");
    await u.clear(heading);
    await u.type(heading, "Issue");
    await u.type(screen.getByLabelText("Note header"), "Ticket handled by the service desk.");

    expect(await within(preview).findByRole("heading", { name: "Issue" })).toBeInTheDocument();
    expect(within(preview).queryByRole("heading", { name: "Time spent" })).toBeNull();
    expect(within(preview).getByText("Ticket handled by the service desk.")).toBeInTheDocument();
    expect(previewed.at(-1)?.sections.map((s) => s.key)).toEqual(["summary", "context", "steps", "resolution", "notes", "follow_ups", "time"]);

    await u.click(screen.getByRole("button", { name: "Save template" }));
    expect(await screen.findByText("Note template saved.")).toBeInTheDocument();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toEqual({
      sections: [
        { key: "summary", heading: "Issue", enabled: true },
        { key: "context", heading: "Environment and ticket", enabled: true },
        { key: "steps", heading: "Steps performed", enabled: true },
        { key: "resolution", heading: "Resolution", enabled: true },
        { key: "notes", heading: "Notes and command output", enabled: true },
        { key: "follow_ups", heading: "Follow-ups", enabled: true },
        { key: "time", heading: "Time spent", enabled: false },
      ],
      header: "Ticket handled by the service desk.",
      footer: "",
    });
    await waitFor(() => expect(screen.getByRole("button", { name: "Save template" })).toBeDisabled());
  });

  it("won't save an empty heading, and resets to the default", async () => {
    const custom = defaultTemplate();
    custom.sections.reverse();
    custom.footer = "Thanks";
    const { saved } = fakeServer({ template: custom });
    const u = userEvent.setup();
    renderPage();
    const heading = await screen.findByLabelText("Heading for Resolution");
    await u.clear(heading);
    expect(heading).toHaveAttribute("aria-invalid", "true");
    expect(heading).toHaveAccessibleDescription("A heading can't be empty.");
    expect(screen.getByRole("button", { name: "Save template" })).toBeDisabled();

    await u.click(screen.getByRole("button", { name: "Reset to default" }));
    const list = screen.getByRole("list", { name: "Note sections" });
    expect(within(list).getAllByRole("textbox").map((el) => (el as HTMLInputElement).value)).toEqual(HEADINGS.map(([, h]) => h));
    expect(screen.getByLabelText("Note footer")).toHaveValue("");
    await u.click(screen.getByRole("button", { name: "Save template" }));
    await waitFor(() => expect(saved).toEqual([defaultTemplate()]));
  });
});
