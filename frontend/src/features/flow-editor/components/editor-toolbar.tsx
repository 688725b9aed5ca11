import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";
import { useHistoryCounts } from "../model/editor-context";

const isMac = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
export const MOD = isMac ? "⌘" : "Ctrl+";

export type EditorView = "canvas" | "outline" | "code";
const VIEW_LABELS: Record<EditorView, string> = { canvas: "Canvas", outline: "Outline", code: "Code" };

function ToolButton({
  label,
  shortcut,
  onClick,
  disabled,
  pressed,
  children,
}: {
  label: string;
  shortcut?: string;
  onClick: () => void;
  disabled?: boolean;
  pressed?: boolean;
  children?: React.ReactNode;
}) {
  return (
    <button
      type="button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={pressed}
      aria-keyshortcuts={shortcut?.replace("⌘", "Meta+")}
      onClick={onClick}
      disabled={disabled}
      className={cn(
        "inline-flex h-8 items-center gap-1 rounded-md px-2 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:text-slate-300 disabled:hover:bg-transparent",
        pressed && "bg-slate-200 text-slate-900 hover:bg-slate-200",
      )}
    >
      {children ?? label}
    </button>
  );
}

export function EditorToolbar({
  view,
  onView,
  onUndo,
  onRedo,
  onLayout,
  historyOpen,
  onHistory,
  errors,
  warnings,
  onProblems,
  canPublish,
  publishBlockedReason,
  onPublish,
}: {
  view: EditorView;
  onView: (v: EditorView) => void;
  onUndo: () => void;
  onRedo: () => void;
  onLayout: () => void;
  historyOpen: boolean;
  onHistory: () => void;
  errors: number;
  warnings: number;
  onProblems: () => void;
  canPublish: boolean;
  publishBlockedReason: string | null;
  onPublish: () => void;
}) {
  const { canUndo, canRedo } = useHistoryCounts();
  return (
    <div role="toolbar" aria-label="Editor" className="flex flex-wrap items-center gap-1">
      <ToolButton label="Undo" shortcut={`${MOD}Z`} onClick={onUndo} disabled={!canUndo}>
        <span aria-hidden="true">↶</span> Undo
      </ToolButton>
      <ToolButton label="Redo" shortcut={`${MOD}Shift+Z`} onClick={onRedo} disabled={!canRedo}>
        <span aria-hidden="true">↷</span> Redo
      </ToolButton>
      <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
      <div className="flex rounded-md bg-slate-100 p-0.5" role="group" aria-label="View">
        {(["canvas", "outline", "code"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            title={v === "code" ? `The flow as Markdown text (${MOD}Shift+M)` : undefined}
            aria-keyshortcuts={v === "code" ? "Control+Shift+M" : undefined}
            onClick={() => onView(v)}
            className={cn(
              "rounded px-2.5 py-1 text-xs font-medium",
              view === v ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900",
            )}
          >
            {VIEW_LABELS[v]}
          </button>
        ))}
      </div>
      <ToolButton label="Auto-layout" onClick={onLayout} disabled={view !== "canvas"} />
      <ToolButton label="History" onClick={onHistory} pressed={historyOpen} />
      <span className="mx-1 h-5 w-px bg-slate-200" aria-hidden="true" />
      <button
        type="button"
        onClick={onProblems}
        title="Show problems"
        className={cn(
          "inline-flex h-7 items-center gap-1 rounded-full px-2.5 text-xs font-medium ring-1 ring-inset",
          errors > 0
            ? "bg-red-50 text-red-700 ring-red-200"
            : warnings > 0
              ? "bg-amber-50 text-amber-800 ring-amber-200"
              : "bg-emerald-50 text-emerald-700 ring-emerald-200",
        )}
      >
        {errors > 0 || warnings > 0 ? (
          <>
            {errors} {errors === 1 ? "error" : "errors"} · {warnings} {warnings === 1 ? "warning" : "warnings"}
          </>
        ) : (
          "No problems"
        )}
      </button>
      <Button
        size="sm"
        className="ml-1 h-8"
        onClick={onPublish}
        disabled={!canPublish}
        title={publishBlockedReason ?? "Publish a new version"}
        aria-describedby={publishBlockedReason ? "publish-blocked" : undefined}
      >
        Publish
      </Button>
      {publishBlockedReason && (
        <span id="publish-blocked" className="sr-only">
          {publishBlockedReason}
        </span>
      )}
    </div>
  );
}
