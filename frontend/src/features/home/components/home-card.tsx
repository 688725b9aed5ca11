/** The frame every Home card shares: a titled region with an optional count and a "see all" link, its skeleton, and the "10 of 23" footer. */
import { type ReactNode, useId } from "react";
import { Link } from "react-router";
import { cn } from "@/lib/cn";

export const linkClass =
  "rounded-sm text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500";

export function HomeCard({
  title,
  count,
  to,
  toLabel,
  testId,
  className,
  children,
}: {
  title: string;
  /** The section's total, shown next to the title. */
  count?: number;
  /** Where the whole list lives. */
  to?: string;
  toLabel?: string;
  testId: string;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cn("rounded-lg bg-white p-4 ring-1 ring-slate-200", className)} data-testid={testId}>
      <div className="flex items-baseline justify-between gap-2">
        <div className="flex items-baseline gap-2">
          <h2 id={titleId} className="text-sm font-semibold text-slate-900">
            {title}
          </h2>
          {count != null && count > 0 && (
            <span className="rounded-full bg-slate-100 px-2 text-xs font-medium text-slate-700 tabular-nums" data-testid={`${testId}-count`}>
              {count}
            </span>
          )}
        </div>
        {to && toLabel && (
          <Link to={to} className={cn(linkClass, "text-sm")}>
            {toLabel}
          </Link>
        )}
      </div>
      <div className="mt-3">{children}</div>
    </section>
  );
}

/** What to do when a card has nothing: one sentence, optionally with a link. */
export function CardEmpty({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}

/** "Showing 10 of 23", when the list is cut short. */
export function MoreFooter({ shown, total, to, label }: { shown: number; total: number; to: string; label: string }) {
  if (total <= shown) return null;
  return (
    <p className="mt-3 text-xs text-slate-500">
      Showing {shown} of {total}.{" "}
      <Link to={to} className={linkClass}>
        {label}
      </Link>
    </p>
  );
}

/** A placeholder card while Home loads. */
export function CardSkeleton({ className, rows = 3 }: { className?: string; rows?: number }) {
  return (
    <div aria-hidden="true" className={cn("rounded-lg bg-white p-4 ring-1 ring-slate-200", className)} data-testid="home-skeleton">
      <div className="h-4 w-32 animate-pulse rounded bg-slate-200 motion-reduce:animate-none" />
      <div className="mt-4 space-y-3">
        {Array.from({ length: rows }, (_, i) => (
          <div key={i} className="h-3 animate-pulse rounded bg-slate-100 motion-reduce:animate-none" style={{ width: `${85 - i * 15}%` }} />
        ))}
      </div>
    </div>
  );
}
