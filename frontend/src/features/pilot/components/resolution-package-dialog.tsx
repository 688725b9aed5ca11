/**
 * The resolution package: a PSA note, a KB article draft and a client summary, redacted, to
 * edit and copy. Edits stay in this dialog (Copy takes the edited text); "Regenerate" asks again;
 * "Download PDF" gets the package as written (not the edits) as a branded PDF.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Spinner } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { copyText } from "@/lib/clipboard";
import { exportErrorMessage } from "@/components/export-options";
import { FormError } from "@/components/ui/input";
import { downloadResolutionPackagePdf, useResolutionPackage } from "../api/get-resolution-package";
import type { ResolutionPackage } from "../api/types";

type Part = "psa_note" | "kb_article" | "client_summary";
const PARTS: readonly { part: Part; label: string; hint: string; rows: number }[] = [
  { part: "psa_note", label: "PSA note", hint: "Plain text for the ticket.", rows: 9 },
  { part: "kb_article", label: "KB article", hint: "Markdown, for the knowledge base.", rows: 9 },
  { part: "client_summary", label: "Client summary", hint: "Plain language, for the person who reported it.", rows: 4 },
];

export function ResolutionPackageDialog({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const pkg = useResolutionPackage(sessionId);
  // The engineer's edits; null until something is edited (then the package as written is shown).
  const [edits, setEdits] = useState<Record<Part, string> | null>(null);
  const texts = edits ?? (pkg.data ? { psa_note: pkg.data.psa_note, kb_article: pkg.data.kb_article, client_summary: pkg.data.client_summary } : null);
  const loading = pkg.isFetching;
  const [pdfBusy, setPdfBusy] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>(null);

  function regenerate() {
    setEdits(null);
    void pkg.regenerate();
  }

  async function downloadPdf() {
    setPdfBusy(true);
    setPdfError(null);
    try {
      await downloadResolutionPackagePdf(sessionId, "resolution-package.pdf");
    } catch (e) {
      setPdfError(e);
    } finally {
      setPdfBusy(false);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title="Resolution package"
      size="lg"
      description="Redacted. Edit here; copying takes your edited text. Edits aren't saved, and Regenerate replaces them."
      footer={
        <>
          <Button variant="secondary" onClick={regenerate} loading={loading && pkg.data !== undefined} disabled={loading}>
            Regenerate
          </Button>
          <Button variant="secondary" onClick={() => void downloadPdf()} loading={pdfBusy} disabled={loading || !pkg.data}>
            Download PDF
          </Button>
          <Button onClick={onClose}>Close</Button>
        </>
      }
    >
      {pkg.isError && !loading ? (
        <ErrorState error={pkg.error} title="Couldn't write the resolution package" onRetry={() => void pkg.refetch()} />
      ) : !texts || loading ? (
        <div role="status" className="flex items-center justify-center gap-2 py-12 text-sm text-slate-600" data-testid="package-progress">
          <Spinner label="" />
          Writing the PSA note, KB article and client summary… this can take a few seconds.
        </div>
      ) : (
        <div className="space-y-4">
          <FormError message={pdfError ? `Couldn't download the PDF: ${exportErrorMessage(pdfError)}` : null} />
          <PackageMeta pkg={pkg.data} />
          {PARTS.map(({ part, label, hint, rows }) => (
            <PackagePart
              key={part}
              label={label}
              hint={hint}
              rows={rows}
              value={texts[part]}
              onChange={(value) => setEdits({ ...texts, [part]: value })}
            />
          ))}
        </div>
      )}
    </Dialog>
  );
}

function PackageMeta({ pkg }: { pkg: ResolutionPackage | undefined }) {
  if (!pkg) return null;
  return (
    <div className="space-y-1 text-xs text-slate-500">
      <p data-testid="package-model">Written by {pkg.model === "offline" ? "the offline engine (templates over the timeline)" : pkg.model}</p>
      {pkg.note && (
        <p role="note" className="rounded-md bg-amber-50 px-2.5 py-1.5 text-amber-800 ring-1 ring-amber-200">
          {pkg.note}
        </p>
      )}
    </div>
  );
}

function PackagePart({ label, hint, rows, value, onChange }: { label: string; hint: string; rows: number; value: string; onChange: (v: string) => void }) {
  const id = `package-${label.toLowerCase().replace(/\s+/g, "-")}`;
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <div className="space-y-1">
      <div className="flex items-center gap-2">
        <label htmlFor={id} className="text-sm font-medium text-slate-700">
          {label}
        </label>
        <span className="text-xs text-slate-400 tabular-nums" data-testid={`${id}-count`}>
          {value.length.toLocaleString()} characters
        </span>
        <span role="status" className="ml-auto text-xs text-emerald-700">
          {copied === "copied" ? "Copied" : copied === "failed" ? "Couldn't copy — select the text and press Ctrl+C" : ""}
        </span>
        <Button
          size="sm"
          variant="secondary"
          onClick={() => void copyText(value).then((ok) => setCopied(ok ? "copied" : "failed"))}
        >
          Copy {label}
        </Button>
      </div>
      <textarea
        id={id}
        rows={rows}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          setCopied("idle");
        }}
        aria-describedby={`${id}-hint`}
        className="block w-full rounded-md border-0 px-2.5 py-1.5 font-mono text-xs text-slate-900 ring-1 ring-slate-300 ring-inset focus:ring-2 focus:ring-indigo-500 focus:outline-none"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {hint}
      </p>
    </div>
  );
}
