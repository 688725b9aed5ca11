/**
 * The batch report in the app (the HTML variant, sanitised) for the team or for the client, with
 * export options, and downloads of either as Markdown, HTML or a branded PDF.
 */
import DOMPurify from "dompurify";
import { useId, useMemo, useState } from "react";
import { DEFAULT_EXPORT_OPTIONS, type ExportOptions, ExportOptionsControls, exportErrorMessage } from "@/components/export-options";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { cn } from "@/lib/cn";
import { saveBlob } from "@/lib/download";
import { downloadReportPdf, fetchReport, type ReportAudience, type ReportFormat, useReport } from "../api/get-report";

const AUDIENCES: { value: ReportAudience; label: string; hint: string }[] = [
  { value: "internal", label: "For the team", hint: "Everything: notes, command output, reasons and engineers." },
  { value: "client", label: "For the client", hint: "Leaves out internal notes, command output, reasons and names." },
];

/** The body of the report's HTML document, without anything active. */
export function reportBody(html: string): string {
  return DOMPurify.sanitize(html, { FORBID_TAGS: ["style", "script", "form", "input"], FORBID_ATTR: ["style"] });
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "batch";
}

export function ReportDialog({ batchId, title, onClose }: { batchId: string; title: string; onClose: () => void }) {
  const [audience, setAudience] = useState<ReportAudience>("internal");
  const [options, setOptions] = useState<ExportOptions>(DEFAULT_EXPORT_OPTIONS);
  const report = useReport(batchId, "html", audience, true, options);
  const html = useMemo(() => (report.data ? reportBody(report.data) : ""), [report.data]);
  const [downloading, setDownloading] = useState<ReportFormat | "pdf" | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const groupId = useId();

  async function downloadPdf() {
    setDownloading("pdf");
    setDownloadError(null);
    try {
      const suffix = audience === "client" ? "-client" : "";
      await downloadReportPdf(batchId, audience, options, `${slug(title)}${suffix}.pdf`);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(null);
    }
  }

  async function download(format: ReportFormat) {
    setDownloading(format);
    setDownloadError(null);
    try {
      const text = await fetchReport(batchId, format, audience, "download", undefined, options);
      const type = format === "html" ? "text/html" : "text/markdown";
      const suffix = audience === "client" ? "-client" : "";
      saveBlob(new Blob([text], { type: `${type};charset=utf-8` }), `${slug(title)}${suffix}.${format === "html" ? "html" : "md"}`);
    } catch (error) {
      setDownloadError(error);
    } finally {
      setDownloading(null);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      size="lg"
      title={`Report: ${title}`}
      description="A summary table, then each target's documentation grouped by client. Redacted like every note that leaves."
      footer={
        <>
          <Button variant="secondary" onClick={() => void download("markdown")} loading={downloading === "markdown"}>
            Download Markdown
          </Button>
          <Button variant="secondary" onClick={() => void download("html")} loading={downloading === "html"}>
            Download HTML
          </Button>
          <Button variant="secondary" onClick={() => void downloadPdf()} loading={downloading === "pdf"}>
            Download PDF
          </Button>
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      <div className="space-y-3">
        <div role="radiogroup" aria-labelledby={`${groupId}-label`} className="flex flex-wrap items-center gap-2">
          <span id={`${groupId}-label`} className="text-sm font-medium text-slate-700">
            Audience
          </span>
          {AUDIENCES.map((a) => (
            <label
              key={a.value}
              title={a.hint}
              className={cn(
                "flex cursor-pointer items-center gap-1.5 rounded-md px-2.5 py-1 text-sm ring-1 ring-inset",
                audience === a.value ? "bg-indigo-50 ring-indigo-400" : "ring-slate-300",
              )}
            >
              <input type="radio" name={`${groupId}-audience`} value={a.value} checked={audience === a.value} onChange={() => setAudience(a.value)} className="accent-indigo-600" />
              {a.label}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-500">{AUDIENCES.find((a) => a.value === audience)!.hint}</p>
        <ExportOptionsControls value={options} onChange={setOptions} />
        <FormError message={downloadError ? `Couldn't download: ${exportErrorMessage(downloadError)}` : null} />
        <div className="max-h-[55vh] overflow-y-auto rounded-md bg-white p-4 ring-1 ring-slate-200" data-testid="batch-report">
          {report.isPending ? (
            <LoadingBlock label="Loading the report" />
          ) : report.isError ? (
            <ErrorState error={report.error} onRetry={() => void report.refetch()} title="Couldn't load the report" />
          ) : (
            <article
              aria-label="Report"
              className="text-sm leading-relaxed text-slate-700 [&_a]:text-indigo-700 [&_a]:underline [&_code]:rounded [&_code]:bg-slate-100 [&_code]:px-1 [&_h1]:mb-2 [&_h1]:text-lg [&_h1]:font-semibold [&_h2]:mt-4 [&_h2]:mb-1 [&_h2]:text-base [&_h2]:font-semibold [&_h3]:mt-3 [&_h3]:font-semibold [&_li]:ml-5 [&_ol]:list-decimal [&_p]:my-1.5 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-slate-900 [&_pre]:p-2 [&_pre]:text-slate-100 [&_table]:my-2 [&_table]:w-full [&_table]:text-xs [&_td]:border [&_td]:border-slate-200 [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-slate-200 [&_th]:bg-slate-50 [&_th]:px-2 [&_th]:py-1 [&_th]:text-left [&_ul]:list-disc"
              // Sanitised by DOMPurify (the server already cleans it with nh3).
              dangerouslySetInnerHTML={{ __html: html }}
            />
          )}
        </div>
      </div>
    </Dialog>
  );
}
