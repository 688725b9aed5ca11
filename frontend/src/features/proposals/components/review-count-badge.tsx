/**
 * The open-proposal count beside "Review queue" in the sidebar. Says nothing while unknown, when
 * nothing waits, or when the counts can't be read: the nav must never show an error.
 */
import { useProposalCounts } from "../api/get-proposal-counts";

export function ReviewCountBadge() {
  const counts = useProposalCounts();
  const open = counts.data?.open ?? 0;
  if (open <= 0) return null;
  return (
    <span data-testid="review-count" className="ml-auto rounded-full bg-indigo-600 px-1.5 text-[11px] leading-5 font-semibold text-white tabular-nums">
      <span aria-hidden="true">{open > 99 ? "99+" : open}</span>
      <span className="sr-only">, {open} open {open === 1 ? "proposal" : "proposals"}</span>
    </span>
  );
}
