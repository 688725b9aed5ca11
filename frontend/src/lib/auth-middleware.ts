/**
 * The one place a 401 is handled. Pure: it knows nothing about React, the router or the query
 * cache — the app wires those in through `AuthMiddlewareDeps`.
 *
 * - Every request gets `Authorization: Bearer <access token>` when there is one.
 * - A 401 triggers exactly one refresh, shared by all requests that fail at the same time, and
 *   the request is retried once with the new token.
 * - A request that was sent with an old token after a refresh already happened is simply retried
 *   with the current token (no second refresh).
 * - When the refresh fails, `onSessionExpired` runs once and the original 401 is returned.
 */
import type { Middleware } from "openapi-fetch";

export interface AuthMiddlewareDeps {
  getToken(): string | null;
  /** Asks the server for a new access token (the refresh cookie rides along); null if refused. */
  refresh(): Promise<string | null>;
  onRefreshed(token: string): void;
  onSessionExpired(): void;
  /** Used to retry; defaults to the client's own fetch. */
  fetch?: typeof globalThis.fetch;
  /** Requests whose 401 must not trigger a refresh (login, refresh itself, invites). */
  isAuthRequest?(url: URL): boolean;
}

/** Wraps an async function so concurrent callers share one in-flight call. */
export function singleFlight<T>(fn: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | null = null;
  return () => {
    if (!inFlight) {
      inFlight = fn().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  };
}

export function defaultIsAuthRequest(url: URL): boolean {
  return url.pathname.startsWith("/api/v1/auth/");
}

interface Pending {
  retry: Request;
  tokenUsed: string | null;
}

export function createAuthMiddleware(deps: AuthMiddlewareDeps): Middleware {
  const isAuthRequest = deps.isAuthRequest ?? defaultIsAuthRequest;
  const pending = new Map<string, Pending>();

  const refreshOnce = singleFlight(async () => {
    let token: string | null = null;
    try {
      token = await deps.refresh();
    } catch {
      token = null;
    }
    if (token) deps.onRefreshed(token);
    else deps.onSessionExpired();
    return token;
  });

  return {
    onRequest({ request, id }) {
      const token = deps.getToken();
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      if (!isAuthRequest(new URL(request.url))) {
        // Keep an unread copy: the body of `request` is consumed by the first attempt.
        pending.set(id, { retry: request.clone(), tokenUsed: token });
      }
      return request;
    },

    async onResponse({ response, id, options }) {
      const entry = pending.get(id);
      pending.delete(id);
      if (!entry || response.status !== 401) return undefined;

      const current = deps.getToken();
      const token = current && current !== entry.tokenUsed ? current : await refreshOnce();
      if (!token) return undefined;

      entry.retry.headers.set("Authorization", `Bearer ${token}`);
      const doFetch = deps.fetch ?? options.fetch;
      return doFetch(entry.retry);
    },

    onError({ id }) {
      pending.delete(id);
      return undefined;
    },
  };
}
