/**
 * "Sent out": each outbound send of this session (copies, downloads, exports, public share views)
 * with what was redacted in it. Loaded when opened; the counts never include values.
 */
import { useState } from "react";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { formatDateTime, plural } from "@/lib/format";
import { type RedactionReport, useRedactionReports } from "../api/list-redaction-reports";

const CHANNEL_LABELS: Record<string, string> = {
  export: "Exported",
  share: "Public link viewed",
  llm: "Sent to the AI model",
  psa: "Pushed to the PSA",
  escalation: "Escalation briefing",
  webhook: "Webhook",
  email: "Email",
};

function describe(r: RedactionReport): string {
  const [intent, format] = r.detail.split(" ");
  if (r.channel === "export" && format) {
    const verb = intent === "copy" ? "Copied" : intent === "download" ? "Downloaded" : "Exported";
    return `${verb} as ${format === "text" ? "plain text" : format}`;
  }
  return CHANNEL_LABELS[r.channel] ?? r.channel;
}

export function RedactionLog({ sessionId }: { sessionId: string }) {
  const [open, setOpen] = useState(false);
  const reports = useRedactionReports(sessionId, open);
  return (
    <details className="border-t border-slate-100 px-3 py-1.5 text-xs text-slate-600" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer select-none font-medium">Sent out</summary>
      {reports.isPending ? (
        <Spinner label="Loading what was sent" />
      ) : reports.isError ? (
        <ErrorState error={reports.error} onRetry={() => void reports.refetch()} title="Couldn't load the redaction log" />
      ) : reports.data.length === 0 ? (
        <p className="py-1">Nothing has left this session yet.</p>
      ) : (
        <ul data-testid="redaction-log" className="max-h-40 space-y-1 overflow-y-auto py-1">
          {reports.data.map((r) => (
            <li key={r.id}>
              <span className="font-medium text-slate-700">{describe(r)}</span>
              {r.actor_name ? ` by ${r.actor_name}` : ""} · {formatDateTime(r.created_at)} —{" "}
              {r.total === 0
                ? "nothing redacted"
                : `${plural(r.total, "value")} redacted (${Object.entries(r.counts)
                    .map(([kind, n]) => `${n} ${kind}`)
                    .join(", ")})`}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
