/**
 * The access token lives here, in memory only (never localStorage): a reload restores the
 * session through the httpOnly refresh cookie instead.
 */
import { useSyncExternalStore } from "react";

export type AuthStatus = "restoring" | "signed-in" | "signed-out";

export interface AuthState {
  status: AuthStatus;
  accessToken: string | null;
  /** Why the person was signed out, shown on the sign-in page. */
  reason: "expired" | "signed-out" | null;
}

let state: AuthState = { status: "restoring", accessToken: null, reason: null };
const listeners = new Set<() => void>();

function set(next: AuthState): void {
  state = next;
  for (const l of listeners) l();
}

export const authStore = {
  get: (): AuthState => state,
  getToken: (): string | null => state.accessToken,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  signIn(accessToken: string): void {
    set({ status: "signed-in", accessToken, reason: null });
  },
  setToken(accessToken: string): void {
    set({ ...state, status: "signed-in", accessToken });
  },
  signOut(reason: AuthState["reason"] = "signed-out"): void {
    set({ status: "signed-out", accessToken: null, reason });
  },
  /** Test helper. */
  reset(): void {
    set({ status: "restoring", accessToken: null, reason: null });
  },
};

export function useAuth(): AuthState {
  return useSyncExternalStore(authStore.subscribe, authStore.get, authStore.get);
}
