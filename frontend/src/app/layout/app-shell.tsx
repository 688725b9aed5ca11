/** The signed-in frame: sidebar, header (account name + user menu) and the routed page. */
import { Outlet, useMatches } from "react-router";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { FullPageSpinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useLogout } from "@/features/auth/api/logout";
import { NotificationBell } from "@/features/notifications/components/notification-bell";
import { useCurrentUser } from "@/lib/current-user";
import { Sidebar } from "./sidebar";
import { UserMenu } from "./user-menu";

export function AppShell() {
  const me = useCurrentUser();
  const logout = useLogout();
  const matches = useMatches();
  const fullBleed = matches.some((m) => (m.handle as { fullBleed?: boolean } | undefined)?.fullBleed);
  const wide = matches.some((m) => (m.handle as { wide?: boolean } | undefined)?.wide);

  if (me.isPending) return <FullPageSpinner />;
  if (me.isError) {
    return (
      <div className="mx-auto max-w-md space-y-3 py-24">
        <ErrorState error={me.error} onRetry={() => void me.refetch()} title="Couldn't load your profile" />
        <div className="text-center">
          <Button variant="ghost" onClick={() => logout.mutate()}>
            Sign out
          </Button>
        </div>
      </div>
    );
  }

  const user = me.data;
  return (
    <div className={cn("flex flex-col md:flex-row", fullBleed ? "h-screen overflow-hidden" : "min-h-screen")}>
      <a
        href="#main"
        className="sr-only z-50 rounded bg-white px-3 py-2 text-sm focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        Skip to content
      </a>
      <Sidebar role={user.role} />
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-12 items-center justify-between border-b border-slate-200 bg-white px-4 md:px-6">
          <p className="truncate text-sm font-medium text-slate-700">
            <span className="sr-only">Account: </span>
            {user.account_name}
          </p>
          <div className="flex items-center gap-1">
            <NotificationBell />
            <UserMenu me={user} />
          </div>
        </header>
        {fullBleed ? (
          <main id="main" tabIndex={-1} className="min-h-0 flex-1 focus:outline-none">
            <Outlet />
          </main>
        ) : (
          <main id="main" tabIndex={-1} className="flex-1 px-4 py-6 focus:outline-none md:px-8">
            <div className={cn("mx-auto", wide ? "max-w-[1680px]" : "max-w-6xl")}>
              <Outlet />
            </div>
          </main>
        )}
      </div>
    </div>
  );
}
