import { useEffect } from "react";
import { useLocation } from "react-router";

const TITLES: [RegExp, string][] = [
  [/^\/sign-in/, "Sign in"],
  [/^\/invite\//, "Accept invite"],
  [/^\/s\//, "Shared note"],
  [/^\/shared\//, "Shared session"],
  [/^\/admin\/people/, "People"],
  [/^\/admin\/audit/, "Audit log"],
  [/^\/admin\/jobs/, "Jobs"],
  [/^\/admin\/ai\/usage/, "AI usage"],
  [/^\/admin\/ai/, "AI settings"],
  [/^\/settings\/psa/, "PSA integration"],
  [/^\/handoffs/, "Escalations"],
  [/^\/assist/, "ResolutionAssist"],
  [/^\/maintenance\/batches\/new$/, "Launch a batch"],
  [/^\/maintenance\/batches\/[^/]+$/, "Batch"],
  [/^\/maintenance\/batches/, "Batches"],
  [/^\/maintenance\/target-lists/, "Target lists"],
  [/^\/maintenance/, "Maintenance schedules"],
  [/^\/analytics\/flows\//, "Flow analytics"],
  [/^\/analytics/, "Analytics"],
  [/^\/knowledge/, "Knowledge"],
  [/^\/proposals\/[^/]+$/, "Proposal"],
  [/^\/proposals/, "Review queue"],
  [/^\/gaps/, "Coverage gaps"],
  [/^\/scripts\/new$/, "New script"],
  [/^\/scripts/, "Scripts"],
  [/^\/admin\/account/, "Account settings"],
  [/^\/flows\/new$/, "New flow"],
  [/^\/flows\/[^/]+\/edit$/, "Edit flow"],
  [/^\/flows\/[^/]+$/, "Flow"],
  [/^\/flows/, "Flows"],
  [/^\/sessions\/new$/, "Start session"],
  [/^\/sessions\/[^/]+$/, "Session"],
  [/^\/sessions/, "Sessions"],
  [/^\/teams/, "Teams"],
  [/^\/accounts/, "Accounts"],
  [/^\/profile/, "Profile"],
  [/^\/tokens/, "API tokens"],
  [/^\/$/, "Home"],
];

/** Keeps <title> in step with the route, so tabs and screen readers say where you are. */
export function useDocumentTitle(): void {
  const { pathname } = useLocation();
  useEffect(() => {
    const match = TITLES.find(([re]) => re.test(pathname));
    document.title = match ? `${match[1]} · ResolutionFlow` : "ResolutionFlow";
  }, [pathname]);
}
