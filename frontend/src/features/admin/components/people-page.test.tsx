import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

function user(email: string, name: string, role = "engineer") {
  return { id: crypto.randomUUID(), email, name, role, is_active: true, status: "active", created_at: "2026-01-01T00:00:00Z", last_login_at: null, teams: [] };
}

function fakeServer(
  opts: { createResponse?: (body: Record<string, unknown>) => Response; others?: Record<string, unknown>[] } = {},
) {
  const people: Record<string, unknown>[] = [{ ...TEAM_ADMIN, status: "active" }, ...(opts.others ?? [])];
  const posted: Record<string, unknown>[] = [];
  stubApi(TEAM_ADMIN, async ({ input, route }) => {
    if (route === "GET /api/v1/users") return json(200, { items: people, next_cursor: null });
    if (route === "GET /api/v1/invites") return json(200, { items: [], next_cursor: null });
    if (route === "POST /api/v1/users") {
      const body = (await input.json()) as Record<string, unknown>;
      posted.push(body);
      if (opts.createResponse) return opts.createResponse(body);
      const created = user(String(body.email), String(body.name), String(body.role));
      people.push(created);
      return json(201, created);
    }
  });
  return { posted };
}

function renderPeople() {
  renderApp("/admin/people");
}

resetAppBetweenTests();

describe("People page", () => {
  it("adds a person with a password; labels are unambiguous even when matched loosely", async () => {
    const { posted } = fakeServer();
    const u = userEvent.setup();
    renderPeople();
    await u.click(await screen.findByRole("button", { name: "Add person" }));
    const dialog = screen.getByRole("dialog", { name: "Add person" });
    await u.click(within(dialog).getByLabelText("Set a password"));
    expect(within(dialog).getByRole("radio", { name: "Set a password" })).toBeChecked();

    // Browser tests match labels by case-insensitive substring: each must hit exactly one control
    // (Password is matched exactly there, since the mode is labelled "Set a password").
    await u.type(screen.getByLabelText(/email/i), "new.engineer@example.com");
    await u.type(screen.getByLabelText(/name/i), "New Engineer");
    await u.selectOptions(screen.getByLabelText(/role/i), "viewer");
    await u.type(screen.getByLabelText("Password"), "a long enough password");
    await u.click(screen.getByRole("button", { name: /create/i }));

    const table = await screen.findByRole("table", { name: "People" });
    expect(await within(table).findByText("new.engineer@example.com")).toBeInTheDocument();
    expect(posted).toEqual([
      { email: "new.engineer@example.com", name: "New Engineer", role: "viewer", password: "a long enough password" },
    ]);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });

  it("refuses a short password before calling the server", async () => {
    const { posted } = fakeServer();
    const u = userEvent.setup();
    renderPeople();
    await u.click(await screen.findByRole("button", { name: "Add person" }));
    await u.click(screen.getByRole("radio", { name: "Set a password" }));
    await u.type(screen.getByLabelText("Email"), "x@example.com");
    await u.type(screen.getByLabelText("Name"), "X");
    await u.type(screen.getByLabelText("Password"), "short");
    await u.click(screen.getByRole("button", { name: "Create" }));
    expect(await screen.findByText(/Use at least 12 characters/)).toBeInTheDocument();
    expect(posted).toEqual([]);
  });

  it("shows the invite link to copy when the invite was not emailed", async () => {
    fakeServer({
      createResponse: (body) =>
        json(201, {
          ...user(String(body.email), String(body.name)),
          invite: { id: crypto.randomUUID(), invite_url: "http://localhost/invite/abc123", expires_at: "2026-02-01T00:00:00Z", emailed: false },
        }),
    });
    const u = userEvent.setup();
    renderPeople();
    await u.click(await screen.findByRole("button", { name: "Add person" }));
    await u.type(screen.getByLabelText("Email"), "invitee@example.com");
    await u.type(screen.getByLabelText("Name"), "Invitee");
    await u.click(screen.getByRole("button", { name: "Send invite" }));
    expect(await screen.findByText(/SMTP isn't configured/)).toBeInTheDocument();
    expect(screen.getByTestId("invite-url")).toHaveValue("http://localhost/invite/abc123");
  });

  it("shows server field errors next to the field", async () => {
    fakeServer({
      createResponse: () =>
        json(409, { title: "Conflict", status: 409, detail: "Someone with this email is already in the account.", errors: [] }),
    });
    const u = userEvent.setup();
    renderPeople();
    await u.click(await screen.findByRole("button", { name: "Add person" }));
    await u.type(screen.getByLabelText("Email"), "lead@example.com");
    await u.type(screen.getByLabelText("Name"), "Dup");
    await u.click(screen.getByRole("button", { name: "Send invite" }));
    expect(await within(screen.getByRole("dialog")).findByRole("alert")).toHaveTextContent(
      "Someone with this email is already in the account.",
    );
  });

  it("disables role change and deactivation on your own row", async () => {
    fakeServer();
    renderPeople();
    const table = await screen.findByRole("table", { name: "People" });
    const row = within(table).getByText("lead@example.com").closest("tr")!;
    expect(within(row).getByRole("button", { name: /Change role/ })).toBeDisabled();
    expect(within(row).getByRole("button", { name: /Deactivate/ })).toBeDisabled();
    expect(screen.getByText(/can't change your own role/)).toBeInTheDocument();
  });

  it("locks a super admin's row for a team admin, but not an engineer's", async () => {
    fakeServer({ others: [user("root@example.com", "Root Op", "super_admin"), user("eng@example.com", "Eng")] });
    renderPeople();
    const table = await screen.findByRole("table", { name: "People" });
    const superRow = within(table).getByText("root@example.com").closest("tr")!;
    expect(within(superRow).getByRole("button", { name: /Change role/ })).toBeDisabled();
    expect(within(superRow).getByRole("button", { name: /Deactivate/ })).toBeDisabled();
    const engRow = within(table).getByText("eng@example.com").closest("tr")!;
    expect(within(engRow).getByRole("button", { name: /Change role/ })).toBeEnabled();
    expect(screen.getByText("Only a super admin can change a super admin.")).toBeInTheDocument();
  });
});
