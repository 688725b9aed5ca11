/** Route guards: signed-in only, and minimum role. */
import type { ReactNode } from "react";
import { Link, Navigate, useLocation } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { FullPageSpinner } from "@/components/ui/spinner";
import { useAuth } from "@/lib/auth-store";
import { useCurrentUser } from "@/lib/current-user";
import { hasRole, type Role, roleLabel } from "@/lib/roles";

export interface FromState {
  from?: string;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, reason } = useAuth();
  const location = useLocation();
  if (status === "restoring") return <FullPageSpinner />;
  if (status === "signed-out") {
    // After an explicit sign-out there is nowhere to come back to.
    if (reason === "signed-out") return <Navigate to="/sign-in" replace />;
    const from = location.pathname + location.search + location.hash;
    return <Navigate to="/sign-in" replace state={{ from } satisfies FromState} />;
  }
  return <>{children}</>;
}

/** Only for people who are not signed in (the sign-in page). */
export function RedirectIfSignedIn({ children }: { children: ReactNode }) {
  const { status } = useAuth();
  const location = useLocation();
  if (status === "restoring") return <FullPageSpinner />;
  if (status === "signed-in") {
    const from = (location.state as FromState | null)?.from;
    return <Navigate to={from && from.startsWith("/") && !from.startsWith("//") ? from : "/"} replace />;
  }
  return <>{children}</>;
}

export function RequireRole({ min, children }: { min: Role; children: ReactNode }) {
  const { data: me } = useCurrentUser();
  // The shell only renders routes once `me` is loaded.
  if (!me) return null;
  if (!hasRole(me.role, min)) return <NoAccess needed={min} />;
  return <>{children}</>;
}

export function NoAccess({ needed }: { needed: Role }) {
  return (
    <section className="mx-auto max-w-lg py-16 text-center" aria-labelledby="no-access-title">
      <h1 id="no-access-title" className="text-lg font-semibold text-slate-900">
        You don't have access
      </h1>
      <p className="mt-2 text-sm text-slate-500">
        This page is for people with the {roleLabel(needed)} role or higher. Ask a team admin in your account if you
        need it.
      </p>
      <Link to="/" className={buttonClasses("secondary", "md", "mt-6")}>
        Back to Home
      </Link>
    </section>
  );
}
