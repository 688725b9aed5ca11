import { screen, waitFor, within } from "@testing-library/react";
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

const EMPTY = {
  configured: false,
  issuer: null,
  client_id: null,
  has_secret: false,
  domains: [],
  default_role: null,
  display_name: null,
  required: false,
  redirect_uri: "https://rf.example.com/api/v1/auth/sso/callback",
};

const CONFIGURED = {
  ...EMPTY,
  configured: true,
  issuer: "https://login.microsoftonline.com/tenant/v2.0",
  client_id: "abc",
  has_secret: true,
  domains: ["contoso.com"],
  default_role: "engineer",
  display_name: "Microsoft",
};

function fakeServer(opts: { sso?: Record<string, unknown>; put?: (body: Record<string, unknown>) => Response } = {}) {
  let sso: Record<string, unknown> = opts.sso ?? EMPTY;
  let security: Record<string, unknown> = { idle_minutes: 30, absolute_hours: 8, default_idle_minutes: 20160, sso_required: false };
  const ssoPuts: Record<string, unknown>[] = [];
  const securityPuts: Record<string, unknown>[] = [];
  stubApi(TEAM_ADMIN, async ({ input, route }) => {
    if (route === "GET /api/v1/account") return json(200, ACCOUNT);
    if (route === "GET /api/v1/account/sso") return json(200, sso);
    if (route === "GET /api/v1/account/security") return json(200, security);
    if (route === "PUT /api/v1/account/sso") {
      const body = (await input.json()) as Record<string, unknown>;
      ssoPuts.push(body);
      if (opts.put) return opts.put(body);
      const { client_secret, ...rest } = body;
      sso = { ...sso, ...rest, configured: true, has_secret: Boolean(client_secret) || sso.has_secret };
      return json(200, sso);
    }
    if (route === "PUT /api/v1/account/security") {
      const body = (await input.json()) as Record<string, unknown>;
      securityPuts.push(body);
      security = { ...security, ...body };
      return json(200, security);
    }
  });
  return { ssoPuts, securityPuts };
}

resetAppBetweenTests();

async function section() {
  return within((await screen.findByRole("heading", { name: "Single sign-on" })).closest("section")!);
}

describe("Account settings → Single sign-on", () => {
  it("sets up a provider, the secret write-only", async () => {
    const { ssoPuts } = fakeServer();
    const u = userEvent.setup();
    renderApp("/admin/account");
    const s = await section();
    expect(await s.findByText(/Not set up/)).toBeInTheDocument();
    expect(s.getByDisplayValue(EMPTY.redirect_uri)).toBeInTheDocument();

    await u.type(s.getByLabelText("Issuer URL"), "https://login.microsoftonline.com/tenant/v2.0");
    await u.type(s.getByLabelText("Client ID"), "abc");
    await u.type(s.getByLabelText("Client secret"), "s3cret");
    await u.type(s.getByLabelText("Email domains"), "contoso.com{enter}fabrikam.com");
    await u.selectOptions(s.getByLabelText("Role of new people"), "viewer");
    await u.click(s.getByRole("button", { name: "Save single sign-on" }));

    await waitFor(() =>
      expect(ssoPuts).toEqual([
        {
          issuer: "https://login.microsoftonline.com/tenant/v2.0",
          client_id: "abc",
          client_secret: "s3cret",
          domains: ["contoso.com", "fabrikam.com"],
          default_role: "viewer",
          display_name: "Microsoft",
        },
      ]),
    );
    expect(await s.findByText("A secret is stored; leave empty to keep it.")).toBeInTheDocument();
    expect(s.getByLabelText("Client secret")).toHaveValue("");
  });

  it("shows the server's 422 on the field it names, a domain by its index too", async () => {
    fakeServer({
      sso: CONFIGURED,
      put: () =>
        json(422, {
          status: 422,
          title: "Validation failed",
          detail: "contoso.com already signs in with another account's single sign-on.",
          errors: [{ loc: ["body", "domains", 0], msg: "contoso.com already signs in with another account's single sign-on." }],
        }),
    });
    const u = userEvent.setup();
    renderApp("/admin/account");
    const s = await section();
    await u.click(await s.findByRole("button", { name: "Save single sign-on" }));
    expect(await s.findByText(/already signs in with another account/)).toBeInTheDocument();
    expect(s.getByLabelText("Email domains")).toHaveAccessibleDescription(/already signs in with another account/);
  });

  it("requires single sign-on without touching the sign-in timeouts", async () => {
    const { securityPuts, ssoPuts } = fakeServer({ sso: CONFIGURED });
    const u = userEvent.setup();
    renderApp("/admin/account");
    const s = await section();
    await u.click(await s.findByRole("checkbox", { name: /Require single sign-on/ }));
    await waitFor(() => expect(securityPuts).toEqual([{ idle_minutes: 30, absolute_hours: 8, sso_required: true }]));
    expect(await s.findByRole("checkbox", { name: /Require single sign-on/ })).toBeChecked();
    expect(ssoPuts).toEqual([]);
  });
});
