import { cn } from "@/lib/cn";
import { type AutosaveState, saveStatusText } from "../model/autosave-machine";

export function SaveStatus({ state, onRetry }: { state: AutosaveState; onRetry: () => void }) {
  const text = saveStatusText(state);
  const dot =
    state.status === "saved"
      ? "bg-emerald-500"
      : state.status === "saving" || state.status === "dirty"
        ? "bg-amber-400"
        : "bg-red-500";
  return (
    <div className="flex items-center gap-2 text-xs">
      <span className={cn("size-2 rounded-full", dot)} aria-hidden="true" />
      <span
        data-testid="save-status"
        role="status"
        className={cn(state.status === "failed" || state.status === "conflict" ? "font-medium text-red-700" : "text-slate-500")}
        title={state.message ?? undefined}
      >
        {text}
      </span>
      {state.status === "failed" && (
        <button type="button" onClick={onRetry} className="font-medium text-indigo-700 underline hover:text-indigo-900">
          Retry<span className="sr-only"> saving</span>
        </button>
      )}
    </div>
  );
}
