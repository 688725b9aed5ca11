/**
 * The typed API client (openapi-fetch over the generated schema) with the auth middleware.
 * Query/mutation functions call `unwrap()` so failures reach TanStack Query as `ApiError`s.
 */
import createClient from "openapi-fetch";
import { createAuthMiddleware, singleFlight } from "@/lib/auth-middleware";
import { authStore } from "@/lib/auth-store";
import { ApiError, parseProblem } from "@/lib/problem";
import { queryClient } from "@/lib/query-client";
import type { paths } from "./schema";

export const REFRESH_URL = "/api/v1/auth/refresh";

/** Trades the httpOnly refresh cookie for a new access token; null when there is no session. */
export async function refreshAccessToken(): Promise<string | null> {
  const res = await fetch(REFRESH_URL, {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (!res.ok) return null;
  const body: unknown = await res.json().catch(() => null);
  if (body && typeof body === "object" && "access_token" in body && typeof body.access_token === "string") {
    return body.access_token;
  }
  return null;
}

/** Forget everything that belongs to the signed-in person. */
export function endSession(reason: "expired" | "signed-out"): void {
  authStore.signOut(reason);
  queryClient.cancelQueries().catch(() => undefined);
  queryClient.clear();
}

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: "same-origin",
  // Late-bound so tests (and anything else that swaps fetch) are honoured.
  fetch: (input) => globalThis.fetch(input),
});

api.use(
  createAuthMiddleware({
    getToken: authStore.getToken,
    refresh: () => refreshSession(),
    onRefreshed: (token) => authStore.setToken(token),
    onSessionExpired: () => endSession("expired"),
  }),
);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Returns `data` or throws an ApiError built from the problem+json body. */
export async function unwrap<T>(promise: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await promise;
  if (!response.ok) throw new ApiError(parseProblem(response, error));
  return data as T;
}

/** Refreshing rotates the cookie, so two concurrent refreshes would look like token reuse. */
export const refreshSession = singleFlight(refreshAccessToken);
