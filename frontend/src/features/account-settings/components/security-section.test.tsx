import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

const ACCOUNT = {
  id: TEAM_ADMIN.account_id,
  name: "Acme IT",
  slug: "acme-it",
  engineers_can_publish: false,
  redact_emails: false,
  redact_phones: false,
  redact_ip_addresses: false,
  created_at: "2026-01-01T00:00:00Z",
  user_count: 3,
};

function fakeServer(opts: { put?: (body: Record<string, unknown>) => Response } = {}) {
  let security: Record<string, unknown> = { idle_minutes: null, absolute_hours: null, default_idle_minutes: 20160, sso_required: false };
  const puts: Record<string, unknown>[] = [];
  stubApi(TEAM_ADMIN, async ({ input, route }) => {
    if (route === "GET /api/v1/account") return json(200, ACCOUNT);
    if (route === "GET /api/v1/account/security") return json(200, security);
    if (route === "PUT /api/v1/account/security") {
      const body = (await input.json()) as Record<string, unknown>;
      puts.push(body);
      if (opts.put) return opts.put(body);
      security = { ...security, ...body };
      return json(200, security);
    }
  });
  return { puts };
}

resetAppBetweenTests();

describe("Account settings → Sign-in timeouts", () => {
  it("shows the current defaults and saves a preset", async () => {
    const { puts } = fakeServer();
    const u = userEvent.setup();
    renderApp("/admin/account");

    expect(await screen.findByRole("radio", { name: /^Default/ })).toBeChecked();
    await u.click(screen.getByRole("radio", { name: /^30 minutes \/ 8 hours/ }));
    await u.click(screen.getByRole("button", { name: "Save timeouts" }));

    await waitFor(() => expect(puts).toEqual([{ idle_minutes: 30, absolute_hours: 8 }]));
    expect(await screen.findByText(/Sign-in timeouts saved/)).toBeInTheDocument();
  });

  it("sends custom limits and shows the server's complaint on the field it names", async () => {
    const { puts } = fakeServer({
      put: () =>
        json(422, {
          type: "about:blank",
          title: "Validation failed",
          status: 422,
          detail: "The idle timeout must be shorter than the absolute lifetime.",
          errors: [{ loc: ["body", "idle_minutes"], msg: "must be shorter than absolute_hours", type: "value_error" }],
        }),
    });
    const u = userEvent.setup();
    renderApp("/admin/account");

    await u.click(await screen.findByRole("radio", { name: /^Custom/ }));
    await u.type(screen.getByLabelText("Idle timeout (minutes)"), "600");
    await u.type(screen.getByLabelText("Absolute lifetime (hours)"), "8");
    await u.click(screen.getByRole("button", { name: "Save timeouts" }));

    await waitFor(() => expect(puts).toEqual([{ idle_minutes: 600, absolute_hours: 8 }]));
    expect(await screen.findByLabelText("Idle timeout (minutes)")).toHaveAttribute("aria-invalid", "true");
  });
});
