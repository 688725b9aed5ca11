/** Routes: thin — guard, then compose a feature's page. */
import { createBrowserRouter, Outlet, type RouteObject } from "react-router";
import { AccountsPage } from "@/features/accounts/components/accounts-page";
import { AuditPage } from "@/features/admin/components/audit-page";
import { PeoplePage } from "@/features/admin/components/people-page";
import { TeamDetailPage } from "@/features/admin/components/team-detail-page";
import { TeamsPage } from "@/features/admin/components/teams-page";
import { TokensPage } from "@/features/api-tokens/components/tokens-page";
import { AcceptInvitePage } from "@/features/auth/components/accept-invite-page";
import { SignInPage } from "@/features/auth/components/sign-in-page";
import { HomePage } from "@/features/home/components/home-page";
import { ProfilePage } from "@/features/profile/components/profile-page";
import { RedirectIfSignedIn, RequireAuth, RequireRole } from "./guards";
import { AppShell } from "./layout/app-shell";
import { NotFoundPage } from "./not-found";
import { RouteError } from "./route-error";
import { useDocumentTitle } from "./use-document-title";

function Root() {
  useDocumentTitle();
  return <Outlet />;
}

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      {
        path: "/sign-in",
        element: (
          <RedirectIfSignedIn>
            <SignInPage />
          </RedirectIfSignedIn>
        ),
      },
      { path: "/invite/:token", element: <AcceptInvitePage /> },
      {
        element: (
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <HomePage /> },
          { path: "profile", element: <ProfilePage /> },
          { path: "tokens", element: <TokensPage /> },
          { path: "teams", element: <TeamsPage /> },
          { path: "teams/:teamId", element: <TeamDetailPage /> },
          {
            path: "admin/people",
            element: (
              <RequireRole min="team_admin">
                <PeoplePage />
              </RequireRole>
            ),
          },
          {
            path: "admin/audit",
            element: (
              <RequireRole min="team_admin">
                <AuditPage />
              </RequireRole>
            ),
          },
          {
            path: "accounts",
            element: (
              <RequireRole min="super_admin">
                <AccountsPage />
              </RequireRole>
            ),
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
