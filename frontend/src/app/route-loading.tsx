/** What a route shows while its code is being fetched (routes are split into their own chunks). */
import { cn } from "@/lib/cn";

export function RouteLoading({ fullPage = false }: { fullPage?: boolean }) {
  return (
    <div
      role="status"
      aria-live="polite"
      className={cn(
        "flex items-center justify-center gap-2 text-sm text-slate-500",
        fullPage ? "min-h-screen" : "py-12",
      )}
    >
      <svg className="size-5 animate-spin" viewBox="0 0 24 24" fill="none" aria-hidden="true">
        <circle cx="12" cy="12" r="10" stroke="currentColor" strokeOpacity="0.25" strokeWidth="3" />
        <path d="M22 12a10 10 0 0 0-10-10" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
      </svg>
      Loading…
    </div>
  );
}
