/**
 * Import targets from CSV: pick a file or paste, the server previews it (every row with its
 * problems, nothing stored), then the valid rows are added to (or replace) the table.
 */
import { type ChangeEvent, useId, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, TextareaField } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { plural } from "@/lib/format";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { usePreviewCsv } from "../api/preview-csv";
import type { TargetInput } from "../api/types";

const MAX_BYTES = 2_000_000;

export function CsvImportDialog({ onImport, onClose }: { onImport: (targets: TargetInput[], replace: boolean) => void; onClose: () => void }) {
  const [csv, setCsv] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const preview = usePreviewCsv();
  const fileId = useId();
  const result = preview.data;
  const csvError = preview.error ? fieldErrors(toProblem(preview.error)).csv : undefined;

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(null);
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFileError("That file is over 2 MB; split it into smaller lists.");
      return;
    }
    const text = await file.text();
    setCsv(text);
    preview.mutate(text);
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={preview.isPending}
      size="lg"
      title="Import targets from CSV"
      description={
        <>
          A header row, then one target per row. Columns: <code>label</code> (or hostname), <code>client</code>, <code>notes</code>,{" "}
          <code>psa_company_id</code>, <code>psa_config_id</code>; any other column becomes a field (<code>IP</code> → <code>{"{{target.ip}}"}</code>).
        </>
      }
    >
      <div className="space-y-3">
        <div className="space-y-1">
          <label htmlFor={fileId} className="block text-sm font-medium text-slate-700">
            CSV file
          </label>
          <input id={fileId} type="file" accept=".csv,text/csv,text/plain" onChange={(e) => void onFile(e)} className="block text-sm text-slate-700" />
          {fileError && <p className="text-xs text-red-600">{fileError}</p>}
        </div>
        <TextareaField label="Or paste it" rows={5} value={csv} onChange={(e) => setCsv(e.target.value)} placeholder={"label,client,ip\nFAB-DC01,Fabrikam,10.10.0.10"} error={csvError} spellCheck={false} />
        <div>
          <Button variant="secondary" onClick={() => preview.mutate(csv)} disabled={!csv.trim()} loading={preview.isPending}>
            Preview
          </Button>
        </div>
        <FormError message={preview.error && !csvError ? errorMessage(preview.error, ["csv"]) : null} />
        {result && (
          <section aria-label="Preview" className="space-y-2">
            <p className="text-sm text-slate-700" role="status" data-testid="csv-summary">
              {plural(result.targets.length, "valid target")}
              {result.error_count > 0 && <span className="text-red-700"> · {plural(result.error_count, "row")} with problems (left out)</span>}
              {result.fields.length > 0 && <span className="text-slate-500"> · fields: {result.fields.join(", ")}</span>}
            </p>
            <div className="max-h-64 overflow-y-auto">
              <Table label="CSV rows">
                <THead>
                  <Th>Line</Th>
                  <Th>Label</Th>
                  <Th>Result</Th>
                </THead>
                <TBody>
                  {result.rows.map((r) => (
                    <Tr key={r.row} data-testid="csv-row" data-ok={r.ok}>
                      <Td className="tabular-nums">{r.row}</Td>
                      <Td>{r.label || <span className="text-slate-400">—</span>}</Td>
                      <Td>
                        {r.ok ? (
                          <Badge tone="green">OK</Badge>
                        ) : (
                          <ul className="space-y-0.5 text-xs text-red-700">
                            {r.errors.map((err, i) => (
                              <li key={i}>{err}</li>
                            ))}
                          </ul>
                        )}
                      </Td>
                    </Tr>
                  ))}
                </TBody>
              </Table>
            </div>
          </section>
        )}
        <div className="flex flex-wrap justify-end gap-2 border-t border-slate-100 pt-3">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="secondary" disabled={!result || result.targets.length === 0} onClick={() => result && onImport(result.targets, true)}>
            Replace the table
          </Button>
          <Button disabled={!result || result.targets.length === 0} onClick={() => result && onImport(result.targets, false)}>
            Add {result ? plural(result.targets.length, "target") : "targets"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
