/**
 * The ticket note, live: GET /sessions/{id}/documentation re-fetched after every appended event
 * (the server renders it from the timeline, redacted). Copy and download the chosen format raw,
 * with the export options (times of day, detail, strict redaction); or download it as a PDF.
 */
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, ExportOptionsControls, exportErrorMessage } from "@/components/export-options";
import { Markdown } from "@/components/markdown";
import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { saveBlob } from "@/lib/download";
import { REDACTION_MARK_CLASS } from "@/lib/markdown";
import { countMarkers, formatRedactionSummary, splitMarkers } from "@/lib/redaction";
import { errorMessage } from "@/lib/problem";
import {
  type DocFormat,
  type DocIntent,
  documentationQuery,
  downloadDocumentationPdf,
  fetchDocumentation,
  useDocumentation,
} from "../api/get-documentation";
import { copyText } from "@/lib/clipboard";
import { queryKeys } from "@/api/query-keys";
import { RedactionLog } from "./redaction-log";

export const FORMATS: { value: DocFormat; label: string; title: string; ext: string; mime: string }[] = [
  { value: "markdown", label: "Markdown", title: "Markdown, rendered", ext: "md", mime: "text/markdown" },
  { value: "text", label: "Plain text", title: "Plain text, as it goes into a ticket", ext: "txt", mime: "text/plain" },
  { value: "html", label: "HTML", title: "HTML source", ext: "html", mime: "text/html" },
];

export function slugify(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^\w\s-]/g, "")
      .trim()
      .replace(/[\s_-]+/g, "-")
      .slice(0, 60) || "session"
  );
}


export function DocumentationPanel({ sessionId, title }: { sessionId: string; title: string }) {
  const [format, setFormat] = useState<DocFormat>("markdown");
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const [pdfBusy, setPdfBusy] = useState(false);
  const doc = useDocumentation(sessionId, format, options);
  const qc = useQueryClient();
  const toast = useToast();
  const [copied, setCopied] = useState(false);
  const timer = useRef<number | undefined>(undefined);
  const noticeId = useId();
  const meta = FORMATS.find((f) => f.value === format) ?? FORMATS[0]!;

  useEffect(() => () => window.clearTimeout(timer.current), []);
  const summary = useMemo(() => (doc.data === undefined ? null : formatRedactionSummary(countMarkers(doc.data))), [doc.data]);

  // Copy and Download fetch the note afresh with their intent: what leaves is exactly what the
  // server rendered and recorded a redaction report for.
  async function raw(intent: DocIntent): Promise<string> {
    const text = await fetchDocumentation(sessionId, format, intent, undefined, options);
    qc.setQueryData(documentationQuery(sessionId, format, options).queryKey, text);
    void qc.invalidateQueries({ queryKey: queryKeys.sessions.redactionReports(sessionId) });
    return text;
  }

  async function onCopy() {
    try {
      const ok = await copyText(await raw("copy"));
      if (!ok) {
        toast.show("Couldn't copy automatically; use Download instead.", "error");
        return;
      }
      setCopied(true);
      window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => setCopied(false), 2500);
    } catch (e) {
      toast.show(`Couldn't copy: ${errorMessage(e)}`, "error");
    }
  }

  async function onDownload() {
    try {
      const text = await raw("download");
      saveBlob(new Blob([text], { type: `${meta.mime};charset=utf-8` }), `${slugify(title)}.${meta.ext}`);
    } catch (e) {
      toast.show(`Couldn't download: ${errorMessage(e)}`, "error");
    }
  }

  async function onDownloadPdf() {
    setPdfBusy(true);
    try {
      await downloadDocumentationPdf(sessionId, options, `${slugify(title)}.pdf`);
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.redactionReports(sessionId) });
    } catch (e) {
      toast.show(`Couldn't download the PDF: ${exportErrorMessage(e)}`, "error");
    } finally {
      setPdfBusy(false);
    }
  }

  return (
    <div className="flex min-h-0 flex-1 flex-col">
      <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 px-3 py-2">
        <div role="group" aria-label="Format" className="flex rounded-md bg-slate-100 p-0.5">
          {FORMATS.map((f) => (
            <button
              key={f.value}
              type="button"
              aria-pressed={format === f.value}
              title={f.title}
              onClick={() => setFormat(f.value)}
              className={cn("rounded px-2 py-0.5 text-xs font-medium", format === f.value ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900")}
            >
              {f.label}
            </button>
          ))}
        </div>
        {doc.isFetching && <Spinner label="Updating documentation" />}
        <span className="ml-auto" />
        <span role="status" className="text-xs font-medium text-emerald-700">
          {copied ? "Copied" : ""}
        </span>
        <Button variant="secondary" size="sm" onClick={() => void onCopy()} aria-describedby={noticeId}>
          Copy
        </Button>
        <Button variant="secondary" size="sm" onClick={() => void onDownload()} title={`Download .${meta.ext}`}>
          Download
        </Button>
        <Button variant="secondary" size="sm" onClick={() => void onDownloadPdf()} loading={pdfBusy} disabled={pdfBusy}>
          Download PDF
        </Button>
      </div>
      <ExportOptionsControls value={options} onChange={setOptions} className="border-b border-slate-100 px-3 py-1.5" />
      <p id={noticeId} className="flex items-start gap-1.5 bg-slate-50 px-3 py-1.5 text-xs text-slate-600">
        <svg aria-hidden="true" viewBox="0 0 16 16" className="mt-0.5 size-3 shrink-0 fill-slate-500">
          <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm2 6H6V4.5a2 2 0 1 1 4 0V7Z" />
        </svg>
        <span>
          Passwords, keys and tokens are replaced with <code className="font-mono text-[11px]">[REDACTED:…]</code> in the documentation.
          {summary !== null && !doc.isError && (
            <span data-testid="redaction-summary" className="block font-medium text-slate-700">
              {summary}
            </span>
          )}
        </span>
      </p>
      <div
        data-testid="documentation-preview"
        aria-busy={doc.isFetching || undefined}
        className={cn("min-h-0 flex-1 overflow-y-auto px-4 py-3", doc.isPlaceholderData && "opacity-70")}
      >
        {doc.isPending ? (
          <div className="flex justify-center py-8">
            <Spinner label="Loading documentation" />
          </div>
        ) : doc.isError ? (
          <ErrorState error={doc.error} onRetry={() => void doc.refetch()} title="Couldn't generate the documentation" />
        ) : format === "markdown" ? (
          <Markdown source={doc.data} highlightRedactions className="[&_h1]:text-base [&_h2]:mt-3 [&_h2]:text-sm [&_h3]:text-sm" />
        ) : (
          <pre className={cn("font-mono text-xs leading-relaxed text-slate-800", format === "text" ? "whitespace-pre-wrap" : "whitespace-pre-wrap break-all")}>
            <MarkedText text={doc.data} />
          </pre>
        )}
      </div>
      <RedactionLog sessionId={sessionId} />
    </div>
  );
}

/** Raw text with each `[REDACTED:kind]` marker in a `<mark>` (React text nodes; nothing parsed as HTML). */
function MarkedText({ text }: { text: string }) {
  const segments = useMemo(() => splitMarkers(text), [text]);
  return segments.map((seg, i) =>
    seg.kind === null ? (
      seg.text
    ) : (
      <mark key={i} className={REDACTION_MARK_CLASS} title={`Redacted ${seg.kind.replace(/_/g, " ")}`}>
        {seg.text}
      </mark>
    ),
  );
}
