/**
 * Under the composer's box: what redaction will take out of the text before it reaches the ticket
 * note. The text is checked (debounced) against POST /redaction/preview; the found spans are shown
 * in `<mark>`s built from the offsets — React text, never HTML.
 */
import { useMemo } from "react";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { describeFindings, splitByFindings } from "@/lib/redaction";
import { useRedactionPreview } from "../api/preview-redaction";

export const REDACTION_CHECK_DELAY_MS = 400;

export function RedactionNotice({ text, mono = false }: { text: string; mono?: boolean }) {
  const checked = useDebouncedValue(text, REDACTION_CHECK_DELAY_MS);
  const preview = useRedactionPreview(checked);
  const result = text.trim() && preview.data && preview.data.findings.length > 0 ? preview.data : null;
  const segments = useMemo(() => (result ? splitByFindings(result.text, result.findings) : []), [result]);

  return (
    <div className="mt-1.5 space-y-1">
      {/* Always in the DOM so screen readers announce the sentence when it appears. */}
      <p role="status" className="text-xs font-medium text-amber-800 empty:hidden">
        {result ? describeFindings(result.findings) : ""}
      </p>
      {result && (
        <pre
          aria-label="Text with redacted values highlighted"
          className={`max-h-40 overflow-auto rounded-md bg-amber-50/60 px-2.5 py-1.5 text-xs whitespace-pre-wrap break-words text-slate-700 ring-1 ring-amber-200 ring-inset ${mono ? "font-mono" : "font-sans"}`}
        >
          {segments.map((seg, i) =>
            seg.kind === null ? (
              seg.text
            ) : (
              <mark key={i} title={`Will be replaced with [REDACTED:${seg.kind}]`} className="rounded-sm bg-amber-200 px-0.5 text-amber-950">
                {seg.text}
              </mark>
            ),
          )}
        </pre>
      )}
    </div>
  );
}
