/**
 * Export options of a document download (session notes, batch reports): times of day on or off,
 * how much detail, and how strictly to redact. The defaults are the standard note.
 */
import { useId } from "react";
import { cn } from "@/lib/cn";
import { errorMessage, toProblem } from "@/lib/problem";

export type ExportDetail = "summary" | "standard" | "full";
export type ExportRedaction = "standard" | "strict";
export type ExportOptions = { timestamps: boolean; detail: ExportDetail; redaction: ExportRedaction };

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = { timestamps: true, detail: "standard", redaction: "standard" };

export const DETAILS: { value: ExportDetail; label: string }[] = [
  { value: "summary", label: "Summary" },
  { value: "standard", label: "Standard" },
  { value: "full", label: "Full timeline" },
];

export const REDACTIONS: { value: ExportRedaction; label: string }[] = [
  { value: "standard", label: "Standard" },
  { value: "strict", label: "Strict (also IPs, emails, phones)" },
];

/** The query parameters to send: only what differs from the defaults, so a default request is today's. */
export function exportQuery(options: ExportOptions): Partial<ExportOptions> {
  const out: Partial<ExportOptions> = {};
  if (!options.timestamps) out.timestamps = false;
  if (options.detail !== "standard") out.detail = options.detail;
  if (options.redaction !== "standard") out.redaction = options.redaction;
  return out;
}

const selectClass =
  "rounded-md border-0 bg-white py-0.5 pr-7 pl-2 text-xs text-slate-800 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none";

export function ExportOptionsControls({
  value,
  onChange,
  className,
}: {
  value: ExportOptions;
  onChange: (next: ExportOptions) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div role="group" aria-label="Export options" className={cn("flex flex-wrap items-center gap-x-3 gap-y-1.5 text-xs text-slate-600", className)}>
      <label className="flex items-center gap-1.5">
        <input
          type="checkbox"
          checked={value.timestamps}
          onChange={(e) => onChange({ ...value, timestamps: e.target.checked })}
          className="accent-indigo-600"
        />
        Timestamps
      </label>
      <label htmlFor={`${id}-detail`} className="flex items-center gap-1.5">
        Detail
        <select
          id={`${id}-detail`}
          value={value.detail}
          onChange={(e) => onChange({ ...value, detail: e.target.value as ExportDetail })}
          className={selectClass}
        >
          {DETAILS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor={`${id}-redaction`} className="flex items-center gap-1.5">
        Redaction
        <select
          id={`${id}-redaction`}
          value={value.redaction}
          onChange={(e) => onChange({ ...value, redaction: e.target.value as ExportRedaction })}
          className={selectClass}
        >
          {REDACTIONS.map((r) => (
            <option key={r.value} value={r.value}>
              {r.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** What went wrong with an export: a 503's own detail ("PDF export needs … installed") says what
 * an admin must do, so it is shown rather than the generic server-error sentence. */
export function exportErrorMessage(error: unknown): string {
  const problem = toProblem(error);
  if (problem.status === 503 && problem.detail) return problem.detail;
  return errorMessage(error);
}
