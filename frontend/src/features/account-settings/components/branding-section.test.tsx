import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi, TEAM_ADMIN } from "@/testing/render";

type Branding = { primary_color: string | null; footer_text: string; logo: { content_type: string; url: string } | null };

function fakeServer(initial: Branding = { primary_color: null, footer_text: "", logo: null }) {
  let branding = initial;
  const puts: unknown[] = [];
  const uploads: string[] = [];
  let deletes = 0;
  const account = {
    id: TEAM_ADMIN.account_id,
    name: "Acme MSP",
    slug: "acme-msp",
    engineers_can_publish: false,
    redact_emails: false,
    redact_phones: false,
    redact_ip_addresses: false,
    created_at: "2026-01-01T00:00:00Z",
    user_count: 7,
  };
  stubApi(() => ({ ...TEAM_ADMIN, account_name: account.name }), async ({ input, route }) => {
    if (route === "GET /api/v1/account") return json(200, account);
    if (route === "GET /api/v1/account/note-template") return json(200, { sections: [], header: "", footer: "" });
    if (route === "GET /api/v1/account/escalation-channels") return json(200, { slack: false, teams: false });
    if (route === "GET /api/v1/account/branding") return json(200, branding);
    if (route === "PUT /api/v1/account/branding") {
      const body = (await input.json()) as { primary_color: string | null; footer_text: string };
      puts.push(body);
      if (body.footer_text.includes("forbidden")) {
        return json(422, { title: "Validation failed", status: 422, detail: "see errors", errors: [{ loc: ["body", "footer_text"], msg: "Not allowed here", type: "value_error" }] });
      }
      branding = { ...branding, ...body };
      return json(200, branding);
    }
    if (route === "PUT /api/v1/account/branding/logo") {
      uploads.push(input.headers.get("Content-Type") ?? "");
      branding = { ...branding, logo: { content_type: "image/png", url: `/api/v1/account/branding/logo?v=${uploads.length}` } };
      return json(200, branding);
    }
    if (route === "DELETE /api/v1/account/branding/logo") {
      deletes += 1;
      branding = { ...branding, logo: null };
      return json(200, branding);
    }
    if (route === "GET /api/v1/account/branding/logo") return new Response(new Blob(["png"], { type: "image/png" }), { status: 200, headers: { "Content-Type": "image/png" } });
  });
  return { puts, uploads, deletes: () => deletes };
}

resetAppBetweenTests();
beforeEach(() => {
  Object.defineProperty(URL, "createObjectURL", { configurable: true, value: vi.fn(() => "blob:logo") });
  Object.defineProperty(URL, "revokeObjectURL", { configurable: true, value: vi.fn() });
});

async function openBranding() {
  const app = renderApp("/admin/account");
  const section = await screen.findByRole("region", { name: "Branding" });
  await within(section).findByLabelText("Heading colour");
  return { ...app, section };
}

describe("Branding settings", () => {
  it("checks the colour and footer before saving, previews them, and saves", async () => {
    const { puts } = fakeServer();
    const { u, section } = await openBranding();
    const colour = within(section).getByLabelText("Heading colour");
    await u.type(colour, "blue");
    expect(within(section).getByText(/Use a colour like #1d4ed8/)).toBeInTheDocument();
    expect(within(section).getByRole("button", { name: "Save branding" })).toBeDisabled();
    await u.clear(colour);
    await u.type(colour, "#b91c1c");
    await u.type(within(section).getByLabelText("Footer text"), "Contoso IT — confidential");
    const preview = within(section).getByTestId("branding-preview");
    expect(within(preview).getByText("Steps performed")).toHaveStyle({ color: "#b91c1c" });
    expect(within(preview).getByTestId("branding-preview-footer")).toHaveTextContent("Contoso IT — confidential");
    await u.click(within(section).getByRole("button", { name: "Save branding" }));
    await waitFor(() => expect(puts).toEqual([{ primary_color: "#b91c1c", footer_text: "Contoso IT — confidential" }]));
  });

  it("shows the server's refusal at the field", async () => {
    fakeServer();
    const { u, section } = await openBranding();
    await u.type(within(section).getByLabelText("Footer text"), "forbidden words");
    await u.click(within(section).getByRole("button", { name: "Save branding" }));
    expect(await within(section).findByText("Not allowed here")).toBeInTheDocument();
  });

  it("refuses a wrong logo file in the browser, uploads a PNG, shows it, and removes it", async () => {
    const server = fakeServer();
    const { u, section } = await openBranding();
    const input = within(section).getByLabelText("Logo");
    // A file the picker's filter would hide, dropped in anyway.
    await userEvent.setup({ applyAccept: false }).upload(input, new File(["<svg/>"], "logo.svg", { type: "image/svg+xml" }));
    expect(within(section).getByText("Choose a PNG or JPEG image.")).toBeInTheDocument();
    expect(server.uploads).toEqual([]);
    const big = new File([new Uint8Array(600 * 1024)], "big.png", { type: "image/png" });
    await u.upload(input, big);
    expect(within(section).getByRole("alert")).toHaveTextContent(/The logo can be at most 512 KB \(this one is 600 KB\)/);

    await u.upload(input, new File([new Uint8Array([137, 80, 78, 71])], "logo.png", { type: "image/png" }));
    await waitFor(() => expect(server.uploads).toEqual(["image/png"]));
    expect(await within(section).findByRole("img", { name: "Your logo" })).toHaveAttribute("src", "blob:logo");
    await u.click(within(section).getByRole("button", { name: "Remove logo" }));
    await waitFor(() => expect(server.deletes()).toBe(1));
    expect(within(section).queryByRole("img", { name: "Your logo" })).toBeNull();
    expect(within(section).queryByRole("button", { name: "Remove logo" })).toBeNull();
  });
});
