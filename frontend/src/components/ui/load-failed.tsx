/**
 * What a detail page shows when loading its one thing failed: a 404 or 422 means it is gone,
 * belongs to another account, or the link is wrong (the API answers all three alike), so the
 * page says it doesn't exist and offers the way back; anything else is an error with Retry.
 */
import { Link } from "react-router";
import { ApiError } from "@/lib/problem";
import { buttonClasses } from "./button";
import { ErrorState } from "./states";

export function LoadFailed({
  error,
  onRetry,
  thing,
  hint,
  back,
}: {
  error: unknown;
  onRetry: () => void;
  /** What the page shows, as in "This flow doesn't exist" and "Couldn't load this flow". */
  thing: string;
  hint?: string;
  back: { to: string; label: string };
}) {
  if (error instanceof ApiError && (error.status === 404 || error.status === 422)) {
    return (
      <div className="mx-auto max-w-md py-16 text-center">
        <h1 className="text-lg font-semibold text-slate-900">This {thing} doesn't exist</h1>
        {hint && <p className="mt-2 text-sm text-slate-500">{hint}</p>}
        <Link to={back.to} className={buttonClasses("secondary", "md", "mt-6")}>
          {back.label}
        </Link>
      </div>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} title={`Couldn't load this ${thing}`} />;
}
