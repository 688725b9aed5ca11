/** Restores the session from the refresh cookie once, when the app starts. */
import { type ReactNode, useEffect } from "react";
import { refreshSession } from "@/api/client";
import { authStore } from "@/lib/auth-store";

export function AuthBootstrap({ children }: { children: ReactNode }) {
  useEffect(() => {
    if (authStore.get().status !== "restoring") return;
    // refreshSession is single-flight, so StrictMode's double effect still refreshes once.
    refreshSession()
      .catch(() => null)
      .then((token) => {
        if (authStore.get().status !== "restoring") return;
        if (token) authStore.signIn(token);
        else authStore.signOut(null);
      });
  }, []);
  // Children render while restoring too: the route guards show a spinner meanwhile.
  return <>{children}</>;
}
