/**
 * Routes: thin — guard, then compose a feature's page.
 *
 * Every page (and the signed-in shell) is its own chunk, loaded when its route first renders, so
 * the sign-in page and Home fetch only what they use; heavy libraries (React Flow and dagre,
 * marked and DOMPurify, dnd-kit) stay with the pages that need them (see vite.config.ts).
 */
import { lazy, type ReactElement, type ReactNode, Suspense, useEffect } from "react";
import { createBrowserRouter, Outlet, type RouteObject, useMatches } from "react-router";
import type { useHandoffSuggestedSteps } from "@/features/escalations/hooks/use-session-handoff";
import type { Role } from "@/lib/roles";
import { RedirectIfSignedIn, RequireAuth, RequireRole } from "./guards";
import { named } from "./lazy-page";
import { NotFoundPage } from "./not-found";
import { RouteError } from "./route-error";
import { RouteLoading } from "./route-loading";
import { useDocumentTitle } from "./use-document-title";

/**
 * What a route's `handle` may say: the shell's layout, how to fetch its page's code early, and
 * the pages one click away whose code is worth fetching once the browser is idle.
 */
type Preloadable = { preload: () => Promise<unknown> };
type RouteHandle = { fullBleed?: boolean; wide?: boolean; preload?: () => Promise<unknown>; next?: Preloadable[] };

const AppShell = named(() => import("./layout/app-shell"), "AppShell");

const SignInPage = named(() => import("@/features/auth/components/sign-in-page"), "SignInPage");
const AcceptInvitePage = named(() => import("@/features/auth/components/accept-invite-page"), "AcceptInvitePage");
const PublicSharePage = named(() => import("@/features/sharing/components/public-share-page"), "PublicSharePage");
const SharedSessionPage = named(() => import("@/features/sharing/components/shared-session-page"), "SharedSessionPage");

const HomePage = named(() => import("@/features/home/components/home-page"), "HomePage");
const ProfilePage = named(() => import("@/features/profile/components/profile-page"), "ProfilePage");
const TokensPage = named(() => import("@/features/api-tokens/components/tokens-page"), "TokensPage");
const FlowLibraryPage = named(() => import("@/features/flows/components/library-page"), "FlowLibraryPage");
const NewFlowRedirect = named(() => import("@/features/flows/components/new-flow-redirect"), "NewFlowRedirect");
// The canvas (React Flow, dagre) is big: only the pages that draw one load it.
const FlowPreviewPage = named(() => import("@/features/flows/components/preview-page"), "FlowPreviewPage");
const FlowEditorPage = named(() => import("@/features/flow-editor/components/editor-page"), "FlowEditorPage");
// A/B tests of flow versions: their page, and the flow page's link to it.
const ExperimentPage = named(() => import("@/features/experiments/components/experiment-page"), "ExperimentPage");
const AbTestLink = named(() => import("@/features/experiments/components/ab-test-link"), "AbTestLink");
// Analytics: the overview (charts: Recharts), one flow's path view (React Flow), the sessions behind a figure.
const AnalyticsPage = named(() => import("@/features/analytics/components/analytics-page"), "AnalyticsPage");
const FlowAnalyticsPage = named(() => import("@/features/analytics/components/flow-analytics-page"), "FlowAnalyticsPage");
const AnalyticsSessionsPage = named(
  () => import("@/features/analytics/components/analytics-sessions-page"),
  "AnalyticsSessionsPage",
);
const KnowledgePage = named(() => import("@/features/knowledge/components/knowledge-page"), "KnowledgePage");
const DocumentDetailPage = named(
  () => import("@/features/knowledge/components/document-detail-page"),
  "DocumentDetailPage",
);
// The step library: search, a step's page (ratings, reviews, flags), and its form.
const StepsPage = named(() => import("@/features/steps/components/steps-page"), "StepsPage");
const StepDetailPage = named(() => import("@/features/steps/components/step-detail-page"), "StepDetailPage");
const NewStepPage = named(() => import("@/features/steps/components/step-form-page"), "NewStepPage");
const EditStepPage = named(() => import("@/features/steps/components/step-form-page"), "EditStepPage");
// The script library: search and the builder, a script's page (render and copy), its form.
const ScriptsPage = named(() => import("@/features/scripts/components/scripts-page"), "ScriptsPage");
const ScriptDetailPage = named(() => import("@/features/scripts/components/script-detail-page"), "ScriptDetailPage");
const NewScriptPage = named(() => import("@/features/scripts/components/script-form-page"), "NewScriptPage");
const EditScriptPage = named(() => import("@/features/scripts/components/script-form-page"), "EditScriptPage");
// The knowledge flywheel: the review queue, one proposal (its draft or diff), coverage gaps.
const ReviewQueuePage = named(() => import("@/features/proposals/components/review-queue-page"), "ReviewQueuePage");
const ProposalPage = named(() => import("@/features/proposals/components/proposal-page"), "ProposalPage");
const GapsPage = named(() => import("@/features/proposals/components/gaps-page"), "GapsPage");

const SessionsPage = named(() => import("@/features/sessions/components/sessions-page"), "SessionsPage");
const StartSessionPage = named(() => import("@/features/sessions/components/start-session-page"), "StartSessionPage");
const SessionRunnerPage = named(() => import("@/features/sessions/components/runner-page"), "SessionRunnerPage");
// FlowPilot is its own feature: the route hands its column to the runner for pilot sessions.
const PilotPanel = named(() => import("@/features/pilot/components/pilot-panel"), "PilotPanel");
// Escalations: the runner's "Escalate…"/"Context" buttons and banner, the queue and the pickup screen.
const EscalationActions = named(
  () => import("@/features/escalations/components/session-escalation"),
  "EscalationActions",
);
const EscalationBanner = named(() => import("@/features/escalations/components/session-escalation"), "EscalationBanner");
const HandoffsPage = named(() => import("@/features/escalations/components/handoffs-page"), "HandoffsPage");
const HandoffPage = named(() => import("@/features/escalations/components/handoff-page"), "HandoffPage");
// PSA: the start page's ticket search, the runner's ticket card and its "Push to PSA" button.
const TicketPicker = named(() => import("@/features/psa/components/ticket-picker"), "TicketPicker");
const PsaTicketCard = named(() => import("@/features/psa/components/ticket-card"), "PsaTicketCard");
const PushToPsaButton = named(() => import("@/features/psa/components/push-dialog"), "PushToPsaButton");
// Tickets: the queue and quick-create page, and the runner's "Spin off ticket" button.
const TicketsPage = named(() => import("@/features/tickets/components/tickets-page"), "TicketsPage");
const SpinOffButton = named(() => import("@/features/tickets/components/spin-off"), "SpinOffButton");
const AssistPage = named(() => import("@/features/assist/components/assist-page"), "AssistPage");

const TeamsPage = named(() => import("@/features/admin/components/teams-page"), "TeamsPage");
const TeamDetailPage = named(() => import("@/features/admin/components/team-detail-page"), "TeamDetailPage");
const PeoplePage = named(() => import("@/features/admin/components/people-page"), "PeoplePage");
const AuditPage = named(() => import("@/features/admin/components/audit-page"), "AuditPage");
const JobsPage = named(() => import("@/features/jobs/components/jobs-page"), "JobsPage");
// Maintenance: schedules, batches (and their live status page), target lists.
const SchedulesPage = named(() => import("@/features/maintenance/components/schedules-page"), "SchedulesPage");
const BatchesPage = named(() => import("@/features/maintenance/components/batches-page"), "BatchesPage");
const LaunchBatchPage = named(() => import("@/features/maintenance/components/launch-batch-page"), "LaunchBatchPage");
const BatchPage = named(() => import("@/features/maintenance/components/batch-page"), "BatchPage");
const TargetListsPage = named(() => import("@/features/maintenance/components/target-lists-page"), "TargetListsPage");
const TargetListEditorPage = named(
  () => import("@/features/maintenance/components/target-list-editor-page"),
  "TargetListEditorPage",
);
const AccountSettingsPage = named(
  () => import("@/features/account-settings/components/account-settings-page"),
  "AccountSettingsPage",
);
const AISettingsPage = named(() => import("@/features/ai-settings/components/ai-settings-page"), "AISettingsPage");
const AIUsagePage = named(() => import("@/features/ai-settings/components/ai-usage-page"), "AIUsagePage");
const PsaSettingsPage = named(() => import("@/features/psa-settings/components/psa-settings-page"), "PsaSettingsPage");
const AccountsPage = named(() => import("@/features/accounts/components/accounts-page"), "AccountsPage");

type RunnerSession = Parameters<typeof useHandoffSuggestedSteps>[0];

/**
 * The copilot, with the escalation briefing's suggested steps as chips (features don't import each
 * other, so the route joins them). Both load with the runner's side panel, not with the app.
 */
const SessionCopilot = lazy(async () => {
  const [{ CopilotPanel }, { useHandoffSuggestedSteps }] = await Promise.all([
    import("@/features/copilot/components/copilot-panel"),
    import("@/features/escalations/hooks/use-session-handoff"),
  ]);
  function SessionCopilot({ session }: { session: RunnerSession }) {
    const steps = useHandoffSuggestedSteps(session);
    return <CopilotPanel session={session} suggestedSteps={steps} />;
  }
  return { default: SessionCopilot };
});

/** A page whose code may still be on its way: the content area (or the whole screen) says so meanwhile. */
function Lazy({ children, fullPage = false }: { children: ReactNode; fullPage?: boolean }) {
  return <Suspense fallback={<RouteLoading fullPage={fullPage} />}>{children}</Suspense>;
}

/** A part of a page (a slot) that appears when its code has arrived. */
function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

/**
 * A page inside the shell: its role guard (checked before it renders), then the page; the route's
 * handle carries `layout` and the page's `preload`.
 */
function page(element: ReactElement, min?: Role, layout: RouteHandle = {}): Pick<RouteObject, "element" | "handle"> {
  const lazyPage = <Lazy>{element}</Lazy>;
  const { preload } = element.type as { preload?: () => Promise<unknown> };
  return {
    element: min ? <RequireRole min={min}>{lazyPage}</RequireRole> : lazyPage,
    handle: { ...layout, preload } satisfies RouteHandle,
  };
}

/**
 * The signed-in area. The shell's code and the page's own are fetched while the session is still
 * being restored, not one after the other once it is (the flow editor's chunk alone waited
 * ~300 ms behind the sign-in on a page load).
 */
function SignedInArea() {
  const matches = useMatches();
  useEffect(() => void AppShell.preload(), []);
  useEffect(() => {
    // A failed fetch is left to the page's own load, which shows the route's error.
    for (const match of matches) (match.handle as RouteHandle | undefined)?.preload?.().catch(() => undefined);
    // The next pages' code, when nothing else is going on: opening one is then a render, not a
    // fetch behind a loading state (the editor from the library took ~300 ms longer without).
    const next = matches.flatMap((m) => (m.handle as RouteHandle | undefined)?.next ?? []);
    if (next.length === 0) return;
    const fetchNext = () => next.forEach((p) => p.preload().catch(() => undefined));
    // Safari has no requestIdleCallback; a short timer does there.
    if (typeof window.requestIdleCallback === "function") {
      const idle = window.requestIdleCallback(fetchNext, { timeout: 2000 });
      return () => window.cancelIdleCallback(idle);
    }
    const timer = setTimeout(fetchNext, 200);
    return () => clearTimeout(timer);
  }, [matches]);
  return (
    <RequireAuth>
      <Lazy fullPage>
        <AppShell />
      </Lazy>
    </RequireAuth>
  );
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
            <Lazy fullPage>
              <SignInPage />
            </Lazy>
          </RedirectIfSignedIn>
        ),
      },
      {
        path: "/invite/:token",
        element: (
          <Lazy fullPage>
            <AcceptInvitePage />
          </Lazy>
        ),
      },
      // A public share link: no sign-in, no shell; it shows only the redacted note.
      {
        path: "/s/:token",
        element: (
          <Lazy fullPage>
            <PublicSharePage />
          </Lazy>
        ),
      },
      {
        element: <SignedInArea />,
        children: [
          { index: true, ...page(<HomePage />) },
          { path: "profile", ...page(<ProfilePage />) },
          { path: "tokens", ...page(<TokensPage />) },
          { path: "flows", ...page(<FlowLibraryPage />, undefined, { next: [FlowEditorPage, FlowPreviewPage] }) },
          { path: "flows/new", ...page(<NewFlowRedirect />, "engineer") },
          {
            path: "flows/:id",
            ...page(
              <FlowPreviewPage
                actions={(flow) =>
                  flow.latestVersion !== null && (
                    <Later>
                      <AbTestLink flowId={flow.id} />
                    </Later>
                  )
                }
              />,
              undefined,
              { next: [FlowEditorPage] },
            ),
          },
          { path: "flows/:id/ab-test", ...page(<ExperimentPage />) },
          // The editor uses the whole content area (no page padding or max width).
          { path: "flows/:id/edit", ...page(<FlowEditorPage />, "engineer", { fullBleed: true }) },
          { path: "sessions", ...page(<SessionsPage />, undefined, { next: [SessionRunnerPage] }) },
          {
            path: "sessions/new",
            ...page(
              <StartSessionPage
                ticketPicker={(props) => (
                  <Later>
                    <TicketPicker {...props} />
                  </Later>
                )}
              />,
              "engineer",
            ),
          },
          {
            path: "sessions/:id",
            ...page(
              <SessionRunnerPage
                // The copilot and FlowPilot are no slots that pop in later: the runner waits for them.
                copilot={(session) => <SessionCopilot session={session} />}
                pilot={(session, context) => <PilotPanel session={session} {...context} />}
                headerActions={(session, context) => (
                  <Later>
                    <EscalationActions session={session} {...context} />
                    <PushToPsaButton session={session} {...context} />
                    <SpinOffButton session={session} {...context} />
                  </Later>
                )}
                sideCards={(session, context) => (
                  <Later>
                    <PsaTicketCard session={session} {...context} />
                  </Later>
                )}
                banner={(session) => (
                  <Later>
                    <EscalationBanner session={session} />
                  </Later>
                )}
              />,
              undefined,
              // Step, timeline and documentation side by side want more than the usual page width.
              { wide: true },
            ),
          },
          { path: "tickets", ...page(<TicketsPage />, "engineer", { wide: true, next: [SessionRunnerPage] }) },
          { path: "shared/:token", ...page(<SharedSessionPage />) },
          { path: "handoffs", ...page(<HandoffsPage />, "engineer") },
          { path: "handoffs/:id", ...page(<HandoffPage />, "engineer") },
          // One route for both, so the page (and an answer being written) stays mounted when a new
          // conversation gets its id.
          { path: "assist/:id?", ...page(<AssistPage />, "engineer") },
          { path: "maintenance", ...page(<SchedulesPage />) },
          { path: "maintenance/batches", ...page(<BatchesPage />) },
          { path: "maintenance/batches/new", ...page(<LaunchBatchPage />, "engineer") },
          { path: "maintenance/batches/:id", ...page(<BatchPage />, undefined, { wide: true }) },
          { path: "maintenance/target-lists", ...page(<TargetListsPage />) },
          { path: "maintenance/target-lists/new", ...page(<TargetListEditorPage />, "engineer", { wide: true }) },
          { path: "maintenance/target-lists/:id", ...page(<TargetListEditorPage />, undefined, { wide: true }) },
          // Engineers see their own figures; viewers are refused by the API (docs/analytics.md).
          { path: "analytics", ...page(<AnalyticsPage />, "engineer", { wide: true }) },
          { path: "analytics/flows/:id", ...page(<FlowAnalyticsPage />, "engineer", { wide: true }) },
          { path: "analytics/sessions", ...page(<AnalyticsSessionsPage />, "engineer", { wide: true }) },
          { path: "knowledge", ...page(<KnowledgePage />) },
          { path: "knowledge/:id", ...page(<DocumentDetailPage />) },
          { path: "steps", ...page(<StepsPage />) },
          { path: "steps/new", ...page(<NewStepPage />, "engineer") },
          { path: "steps/:id", ...page(<StepDetailPage />) },
          { path: "steps/:id/edit", ...page(<EditStepPage />, "engineer") },
          { path: "scripts", ...page(<ScriptsPage />) },
          { path: "scripts/new", ...page(<NewScriptPage />, "engineer") },
          { path: "scripts/:id", ...page(<ScriptDetailPage />) },
          { path: "scripts/:id/edit", ...page(<EditScriptPage />, "engineer") },
          { path: "proposals", ...page(<ReviewQueuePage />) },
          { path: "proposals/:id", ...page(<ProposalPage />, undefined, { wide: true }) },
          { path: "gaps", ...page(<GapsPage />) },
          { path: "teams", ...page(<TeamsPage />) },
          { path: "teams/:teamId", ...page(<TeamDetailPage />) },
          { path: "admin/people", ...page(<PeoplePage />, "team_admin") },
          { path: "admin/audit", ...page(<AuditPage />, "team_admin") },
          { path: "admin/jobs", ...page(<JobsPage />, "team_admin") },
          { path: "admin/account", ...page(<AccountSettingsPage />, "team_admin") },
          { path: "admin/ai", ...page(<AISettingsPage />, "team_admin") },
          { path: "admin/ai/usage", ...page(<AIUsagePage />, "team_admin") },
          { path: "settings/psa", ...page(<PsaSettingsPage />, "team_admin") },
          { path: "accounts", ...page(<AccountsPage />, "super_admin") },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export const router = createBrowserRouter(routes);
