import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLocation } from "react-router";
import { notificationsQuery } from "@/features/notifications/api/list-notifications";

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

/** The tab's title: "(2) Sessions · ResolutionFlow" with two unread notifications. */
export function titleFor(pathname: string, unread: number | null | undefined): string {
  const match = TITLES.find(([re]) => re.test(pathname));
  const title = match ? `${match[1]} · ResolutionFlow` : "ResolutionFlow";
  if (!unread || unread < 1) return title;
  return `(${unread > 99 ? "99+" : unread}) ${title}`;
}

/**
 * Keeps <title> in step with the route, so tabs and screen readers say where you are, and puts
 * the unread notification count in front so a background tab shows it. The count is read from
 * the bell's query (kept current by its live stream) without fetching it here: signed out, or
 * before the bell has loaded, there is no count.
 */
export function useDocumentTitle(): void {
  const { pathname } = useLocation();
  const { data } = useQuery({ ...notificationsQuery, enabled: false });
  const unread = data?.unread;
  useEffect(() => {
    document.title = titleFor(pathname, unread);
  }, [pathname, unread]);
}
