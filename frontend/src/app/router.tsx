/** Routes: thin — guard, then compose a feature's page. */
import { lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Outlet, type RouteObject } from "react-router";
import { LoadingBlock } from "@/components/ui/spinner";
import { AccountSettingsPage } from "@/features/account-settings/components/account-settings-page";
import { AccountsPage } from "@/features/accounts/components/accounts-page";
import { AuditPage } from "@/features/admin/components/audit-page";
import { AISettingsPage } from "@/features/ai-settings/components/ai-settings-page";
import { AIUsagePage } from "@/features/ai-settings/components/ai-usage-page";
import { PeoplePage } from "@/features/admin/components/people-page";
import { TeamDetailPage } from "@/features/admin/components/team-detail-page";
import { TeamsPage } from "@/features/admin/components/teams-page";
import { TokensPage } from "@/features/api-tokens/components/tokens-page";
import { AcceptInvitePage } from "@/features/auth/components/accept-invite-page";
import { SignInPage } from "@/features/auth/components/sign-in-page";
import { FlowLibraryPage } from "@/features/flows/components/library-page";
import { NewFlowRedirect } from "@/features/flows/components/new-flow-redirect";
import { HomePage } from "@/features/home/components/home-page";
import { useHandoffSuggestedSteps } from "@/features/escalations/hooks/use-session-handoff";
import { DocumentDetailPage } from "@/features/knowledge/components/document-detail-page";
import { KnowledgePage } from "@/features/knowledge/components/knowledge-page";
import { ProfilePage } from "@/features/profile/components/profile-page";
import { PsaSettingsPage } from "@/features/psa-settings/components/psa-settings-page";
import { PublicSharePage } from "@/features/sharing/components/public-share-page";
import { SharedSessionPage } from "@/features/sharing/components/shared-session-page";
import { RedirectIfSignedIn, RequireAuth, RequireRole } from "./guards";
import { AppShell } from "./layout/app-shell";
import { NotFoundPage } from "./not-found";
import { RouteError } from "./route-error";
import { useDocumentTitle } from "./use-document-title";

const SessionsPage = lazy(() => import("@/features/sessions/components/sessions-page").then((m) => ({ default: m.SessionsPage })));
const StartSessionPage = lazy(() =>
  import("@/features/sessions/components/start-session-page").then((m) => ({ default: m.StartSessionPage })),
);
const SessionRunnerPage = lazy(() =>
  import("@/features/sessions/components/runner-page").then((m) => ({ default: m.SessionRunnerPage })),
);
// The copilot is its own feature; the route hands it to the runner's side panel.
const CopilotPanel = lazy(() => import("@/features/copilot/components/copilot-panel").then((m) => ({ default: m.CopilotPanel })));
// FlowPilot too: the route hands its column to the runner for pilot sessions.
const PilotPanel = lazy(() => import("@/features/pilot/components/pilot-panel").then((m) => ({ default: m.PilotPanel })));
// Escalations: the runner's "Escalate…"/"Context" buttons and banner, the queue and the pickup screen.
const EscalationActions = lazy(() =>
  import("@/features/escalations/components/session-escalation").then((m) => ({ default: m.EscalationActions })),
);
const EscalationBanner = lazy(() =>
  import("@/features/escalations/components/session-escalation").then((m) => ({ default: m.EscalationBanner })),
);
// PSA: the start page's ticket search, the runner's ticket card and its "Push to PSA" button.
const TicketPicker = lazy(() => import("@/features/psa/components/ticket-picker").then((m) => ({ default: m.TicketPicker })));
const PsaTicketCard = lazy(() => import("@/features/psa/components/ticket-card").then((m) => ({ default: m.PsaTicketCard })));
const PushToPsaButton = lazy(() => import("@/features/psa/components/push-dialog").then((m) => ({ default: m.PushToPsaButton })));
const HandoffsPage = lazy(() => import("@/features/escalations/components/handoffs-page").then((m) => ({ default: m.HandoffsPage })));
const HandoffPage = lazy(() => import("@/features/escalations/components/handoff-page").then((m) => ({ default: m.HandoffPage })));
const AssistPage = lazy(() => import("@/features/assist/components/assist-page").then((m) => ({ default: m.AssistPage })));

// The canvas (React Flow, dagre) is big: load it only on the pages that draw one.
const FlowEditorPage = lazy(() => import("@/features/flow-editor/components/editor-page").then((m) => ({ default: m.FlowEditorPage })));
const FlowPreviewPage = lazy(() => import("@/features/flows/components/preview-page").then((m) => ({ default: m.FlowPreviewPage })));

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingBlock label="Loading" />}>{children}</Suspense>;
}

type RunnerSession = Parameters<typeof useHandoffSuggestedSteps>[0];

/** The copilot, with the escalation briefing's suggested steps as chips (features don't import each other). */
function SessionCopilot({ session }: { session: RunnerSession }) {
  const steps = useHandoffSuggestedSteps(session);
  return <CopilotPanel session={session} suggestedSteps={steps} />;
}

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
      // A public share link: no sign-in, no shell; it shows only the redacted note.
      { path: "/s/:token", element: <PublicSharePage /> },
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
          { path: "flows", element: <FlowLibraryPage /> },
          {
            path: "flows/new",
            element: (
              <RequireRole min="engineer">
                <NewFlowRedirect />
              </RequireRole>
            ),
          },
          {
            path: "flows/:id",
            element: (
              <Lazy>
                <FlowPreviewPage />
              </Lazy>
            ),
          },
          {
            path: "flows/:id/edit",
            // The editor uses the whole content area (no page padding or max width).
            handle: { fullBleed: true },
            element: (
              <RequireRole min="engineer">
                <Lazy>
                  <FlowEditorPage />
                </Lazy>
              </RequireRole>
            ),
          },
          {
            path: "sessions",
            element: (
              <Lazy>
                <SessionsPage />
              </Lazy>
            ),
          },
          {
            path: "sessions/new",
            element: (
              <RequireRole min="engineer">
                <Lazy>
                  <StartSessionPage
                    ticketPicker={(props) => (
                      <Suspense fallback={null}>
                        <TicketPicker {...props} />
                      </Suspense>
                    )}
                  />
                </Lazy>
              </RequireRole>
            ),
          },
          {
            path: "sessions/:id",
            // Step, timeline and documentation side by side want more than the usual page width.
            handle: { wide: true },
            element: (
              <Lazy>
                <SessionRunnerPage
                  copilot={(session) => <SessionCopilot session={session} />}
                  pilot={(session, context) => <PilotPanel session={session} {...context} />}
                  headerActions={(session, context) => (
                    <Suspense fallback={null}>
                      <EscalationActions session={session} {...context} />
                      <PushToPsaButton session={session} {...context} />
                    </Suspense>
                  )}
                  sideCards={(session, context) => (
                    <Suspense fallback={null}>
                      <PsaTicketCard session={session} {...context} />
                    </Suspense>
                  )}
                  banner={(session) => (
                    <Suspense fallback={null}>
                      <EscalationBanner session={session} />
                    </Suspense>
                  )}
                />
              </Lazy>
            ),
          },
          { path: "shared/:token", element: <SharedSessionPage /> },
          {
            path: "handoffs",
            element: (
              <RequireRole min="engineer">
                <Lazy>
                  <HandoffsPage />
                </Lazy>
              </RequireRole>
            ),
          },
          {
            path: "handoffs/:id",
            element: (
              <RequireRole min="engineer">
                <Lazy>
                  <HandoffPage />
                </Lazy>
              </RequireRole>
            ),
          },
          {
            // One route for both, so the page (and an answer being written) stays mounted when a
            // new conversation gets its id.
            path: "assist/:id?",
            element: (
              <RequireRole min="engineer">
                <Lazy>
                  <AssistPage />
                </Lazy>
              </RequireRole>
            ),
          },
          { path: "knowledge", element: <KnowledgePage /> },
          { path: "knowledge/:id", element: <DocumentDetailPage /> },
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
            path: "admin/account",
            element: (
              <RequireRole min="team_admin">
                <AccountSettingsPage />
              </RequireRole>
            ),
          },
          {
            path: "admin/ai",
            element: (
              <RequireRole min="team_admin">
                <AISettingsPage />
              </RequireRole>
            ),
          },
          {
            path: "admin/ai/usage",
            element: (
              <RequireRole min="team_admin">
                <AIUsagePage />
              </RequireRole>
            ),
          },
          {
            path: "settings/psa",
            element: (
              <RequireRole min="team_admin">
                <PsaSettingsPage />
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
