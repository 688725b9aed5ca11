/** Placeholders while figures load (they pulse unless the person asked for less motion). */
export function TableSkeleton({ label, rows = 5 }: { label: string; rows?: number }) {
  return (
    <div role="status" aria-label={label} className="space-y-2 rounded-lg bg-white p-3 ring-1 ring-slate-200">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="h-6 animate-pulse rounded bg-slate-100 motion-reduce:animate-none" />
      ))}
    </div>
  );
}

export function BlockSkeleton({ label, className = "h-64" }: { label: string; className?: string }) {
  return (
    <div role="status" aria-label={label} className={`animate-pulse rounded-lg bg-slate-100 ring-1 ring-slate-200 motion-reduce:animate-none ${className}`} />
  );
}
