import { act, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { authStore } from "@/lib/auth-store";
import { fakeUser, json, renderApp, resetAppBetweenTests, stubApi } from "@/testing/render";

type Route = (req: Request) => Response | undefined;

const me = (role: string) => fakeUser({ email: "pat@example.com", name: "Pat Doe", role, teams: [{ id: "00000000-0000-0000-0000-0000000000t1", name: "Service desk" }] });

function serve(routesTable: Route) {
  const calls: string[] = [];
  stubApi(null, ({ input, route }) => {
    calls.push(route);
    return routesTable(input) ?? json(404, { title: "Not found", status: 404, detail: "no route in test" });
  });
  return calls;
}

function renderAt(path: string) {
  return renderApp(path).router;
}

resetAppBetweenTests();

function signedInAs(role: string): Route {
  return (req) => {
    const path = new URL(req.url).pathname;
    if (path === "/api/v1/auth/refresh") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
    if (path === "/api/v1/me") {
      return req.headers.get("Authorization") === "Bearer tok" ? json(200, me(role)) : json(401, { detail: "no" });
    }
    return undefined;
  };
}

describe("app shell and role guards", () => {
  it("restores the session from the refresh cookie and shows Home", async () => {
    serve(signedInAs("engineer"));
    renderAt("/");
    expect(await screen.findByRole("heading", { name: "Welcome, Pat" })).toBeInTheDocument();
    expect(screen.getByText("Acme MSP", { selector: "header p" })).toBeInTheDocument();
  });

  it("closes the user menu on Escape and returns focus to its button", async () => {
    serve(signedInAs("viewer"));
    const user = userEvent.setup();
    renderAt("/");
    const button = await screen.findByRole("button", { name: "User menu" });
    await user.click(button);
    expect(screen.getByRole("menu")).toBeInTheDocument();
    expect(button).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(button).toHaveFocus();
  });

  it("hides People from a viewer's sidebar and refuses the route", async () => {
    serve(signedInAs("viewer"));
    const router = renderAt("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "Home" })).toBeInTheDocument();
    expect(within(nav).queryByRole("link", { name: "People" })).toBeNull();
    await act(() => router.navigate("/admin/people"));
    expect(await screen.findByRole("heading", { name: "You don't have access" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add person" })).toBeNull();
  });

  it("shows People to a team admin", async () => {
    serve(signedInAs("team_admin"));
    renderAt("/");
    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(within(nav).getByRole("link", { name: "People" })).toHaveAttribute("href", "/admin/people");
    expect(within(nav).queryByRole("link", { name: "Accounts" })).toBeNull();
  });

  it("sends someone without a session to sign-in, keeping where they wanted to go", async () => {
    serve((req) => (new URL(req.url).pathname === "/api/v1/auth/refresh" ? json(401, { detail: "no cookie" }) : undefined));
    const router = renderAt("/teams");
    expect(await screen.findByRole("heading", { name: "Sign in to ResolutionFlow" })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe("/sign-in");
    expect(router.state.location.state).toEqual({ from: "/teams" });
  });

  it("signs out from the user menu and lands on sign-in", async () => {
    const calls = serve((req) => {
      if (new URL(req.url).pathname === "/api/v1/auth/logout") return new Response(null, { status: 204 });
      return signedInAs("viewer")(req);
    });
    const user = userEvent.setup();
    renderAt("/");
    await user.click(await screen.findByRole("button", { name: "User menu" }));
    const menu = screen.getByRole("menu", { name: "User menu" });
    expect(within(menu).getByRole("menuitem", { name: "Profile" })).toHaveFocus();
    await user.keyboard("{End}");
    expect(within(menu).getByRole("menuitem", { name: "Sign out" })).toHaveFocus();
    await user.click(within(menu).getByRole("menuitem", { name: "Sign out" }));
    expect(await screen.findByRole("heading", { name: "Sign in to ResolutionFlow" })).toBeInTheDocument();
    expect(calls).toContain("POST /api/v1/auth/logout");
    expect(authStore.getToken()).toBeNull();
  });
});

describe("sign-in page", () => {
  it("shows the throttling message from Retry-After on a 429", async () => {
    serve((req) => {
      const path = new URL(req.url).pathname;
      if (path === "/api/v1/auth/refresh") return json(401, {});
      if (path === "/api/v1/auth/login") {
        return json(429, { title: "Too many requests", status: 429, detail: "Slow down." }, { "Retry-After": "37" });
      }
      return undefined;
    });
    const user = userEvent.setup();
    renderAt("/sign-in");
    await user.type(await screen.findByLabelText("Email"), "pat@example.com");
    await user.type(screen.getByLabelText("Password"), "wrong password");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many attempts, try again in 37 seconds.");
  });

  it("signs in and goes to Home", async () => {
    serve((req) => {
      const path = new URL(req.url).pathname;
      if (path === "/api/v1/auth/refresh") return json(401, {});
      if (path === "/api/v1/auth/login") return json(200, { access_token: "tok", token_type: "bearer", expires_in: 900 });
      if (path === "/api/v1/me") return json(200, me("engineer"));
      return undefined;
    });
    const user = userEvent.setup();
    const router = renderAt("/sign-in");
    await user.type(await screen.findByLabelText("Email"), "pat@example.com");
    await user.type(screen.getByLabelText("Password"), "correct horse battery");
    await user.click(screen.getByRole("button", { name: "Sign in" }));
    await waitFor(() => expect(router.state.location.pathname).toBe("/"));
    expect(await screen.findByRole("heading", { name: "Welcome, Pat" })).toBeInTheDocument();
  });
});
