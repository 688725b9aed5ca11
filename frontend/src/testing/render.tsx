/**
 * Shared setup for the tests that render the whole app: the real providers and routes in a memory
 * router, a clean slate between tests, and (re-exported from `fake-api.ts`) the fake API behind `fetch`.
 * Tests only: nothing in the app imports `src/testing/`, so it never reaches the bundle.
 */
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider } from "react-router";
import { afterEach, beforeEach, vi } from "vitest";
import { AppProviders } from "@/app/providers";
import { routes } from "@/app/router";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

export * from "./fake-api";

/** Renders the whole app (providers and routes) at `path` in a memory router. */
export function renderApp(path: string) {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { router, u: userEvent.setup() };
}

/** Signs out, empties the query cache before each test and restores `fetch` (and any stubbed global) after it. */
export function resetAppBetweenTests(): void {
  beforeEach(() => {
    authStore.reset();
    queryClient.clear();
  });
  afterEach(() => vi.unstubAllGlobals());
}
