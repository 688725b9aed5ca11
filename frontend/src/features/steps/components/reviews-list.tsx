/** Every rating and review of a step, newest first. */
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { formatTimeSince } from "@/lib/format";
import { useRatings } from "../api/list-ratings";
import { Stars } from "./stars";

export function ReviewsList({ stepId }: { stepId: string }) {
  const ratings = useRatings(stepId);
  return (
    <section aria-labelledby="step-reviews-title" className="space-y-2">
      <h2 id="step-reviews-title" className="text-sm font-semibold text-slate-900">
        Reviews
      </h2>
      {ratings.isPending ? (
        <LoadingBlock label="Loading reviews" />
      ) : ratings.isError ? (
        <ErrorState error={ratings.error} onRetry={() => void ratings.refetch()} title="Couldn't load the reviews" />
      ) : ratings.data.items.length === 0 ? (
        <p className="text-sm text-slate-500">No ratings yet. Be the first to say how well it works.</p>
      ) : (
        <ul aria-label="Reviews" className="divide-y divide-slate-100 rounded-lg bg-white ring-1 ring-slate-200">
          {ratings.data.items.map((r) => (
            <li key={r.user_id} className="space-y-1 px-4 py-3" data-testid="review">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium text-slate-900">{r.user_name}</span>
                <Stars avg={r.stars} count={1} label={`${r.stars} of 5 stars`} showFigure={false} />
                <span className="text-xs text-slate-500">{formatTimeSince(r.updated_at)}</span>
              </div>
              {r.review ? <p className="text-sm whitespace-pre-wrap text-slate-700">{r.review}</p> : <p className="text-xs text-slate-400">No review text.</p>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
