import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

/** A signed-out visitor; contoso.com signs in with single sign-on (required when `required`). */
function fakeServer({ required = false } = {}) {
  const asked: string[] = [];
  stubApi(null, ({ url, route }) => {
    if (route === "GET /api/v1/auth/sso/discover") {
      const email = url.searchParams.get("email") ?? "";
      asked.push(email);
      return email.endsWith("@contoso.com")
        ? json(200, { sso: true, display_name: "Microsoft", start_url: "/api/v1/auth/sso/start", password_allowed: !required })
        : json(200, { sso: false, display_name: null, start_url: null, password_allowed: true });
    }
    return undefined;
  });
  return { asked };
}

resetAppBetweenTests();

describe("Sign in with single sign-on", () => {
  it("offers the provider's button once the email's domain has single sign-on, and keeps the password", async () => {
    fakeServer();
    const u = userEvent.setup();
    renderApp("/sign-in");
    await u.type(await screen.findByLabelText("Email"), "pat@example.com");
    expect(screen.queryByRole("link", { name: /Sign in with/ })).not.toBeInTheDocument();

    await u.clear(screen.getByLabelText("Email"));
    await u.type(screen.getByLabelText("Email"), "pat@contoso.com");

    const button = await screen.findByRole("link", { name: "Sign in with Microsoft" });
    expect(button).toHaveAttribute("href", "/api/v1/auth/sso/start?email=pat%40contoso.com");
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
  });

  it("hides the password when the account requires single sign-on, with a way in for administrators", async () => {
    fakeServer({ required: true });
    const u = userEvent.setup();
    renderApp("/sign-in");
    await u.type(await screen.findByLabelText("Email"), "pat@contoso.com");

    expect(await screen.findByRole("link", { name: "Sign in with Microsoft" })).toBeInTheDocument();
    expect(screen.queryByLabelText("Password")).not.toBeInTheDocument();
    expect(screen.getByText(/passwords are not used/)).toBeInTheDocument();

    await u.click(screen.getByRole("button", { name: "Administrator? Use a password" }));
    expect(screen.getByLabelText("Password")).toBeInTheDocument();
  });

  it("says plainly why a single sign-on came back refused", async () => {
    fakeServer();
    renderApp("/sign-in?sso_error=wrong_audience");
    expect(await screen.findByRole("alert")).toHaveTextContent("meant for another application");
  });

  it("shows an unknown error code as it is", async () => {
    fakeServer();
    renderApp("/sign-in?sso_error=something_new");
    expect(await screen.findByRole("alert")).toHaveTextContent("Single sign-on failed (something_new).");
  });
});
