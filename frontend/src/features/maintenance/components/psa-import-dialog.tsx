/**
 * Import targets from the connected PSA: a company's active configurations (label from the
 * configuration's name, client from the company, ip/os/site/type as fields), previewed first,
 * then added to (or replacing) the table. Nothing is stored until the list is saved.
 */
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField } from "@/components/ui/input";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { plural } from "@/lib/format";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { usePsaConfigurations } from "../api/psa-configurations";
import type { TargetInput } from "../api/types";

export function PsaImportDialog({ onImport, onClose }: { onImport: (targets: TargetInput[], replace: boolean) => void; onClose: () => void }) {
  const [companyId, setCompanyId] = useState("");
  const [missing, setMissing] = useState<string | null>(null);
  const lookup = usePsaConfigurations();
  const result = lookup.data;
  const fieldError = missing ?? (lookup.error ? fieldErrors(toProblem(lookup.error)).company_id : undefined);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!companyId.trim()) {
      setMissing("Enter the company's id in the PSA.");
      return;
    }
    setMissing(null);
    lookup.mutate(companyId.trim());
  }

  return (
    <Dialog
      open
      onClose={onClose}
      busy={lookup.isPending}
      size="lg"
      title="Import targets from the PSA"
      description="A company's active configurations in the connected PSA (ConnectWise, Autotask) become targets: the name as the label, the company as the client, IP, OS, site and type as fields."
    >
      <div className="space-y-3">
        <form onSubmit={submit} noValidate className="flex items-end gap-2">
          <InputField label="PSA company id" value={companyId} onChange={(e) => setCompanyId(e.target.value)} error={fieldError} maxLength={100} className="flex-1" />
          <Button type="submit" variant="secondary" loading={lookup.isPending}>
            Find configurations
          </Button>
        </form>
        <FormError message={lookup.error && !fieldError ? errorMessage(lookup.error, ["company_id"]) : null} />
        {result && (
          <section aria-label="Configurations" className="space-y-2">
            <p role="status" className="text-sm text-slate-700" data-testid="psa-summary">
              {result.client ? `${result.client}: ` : ""}
              {plural(result.targets.length, "configuration")}
              {result.truncated && <span className="text-amber-800"> · only the first ones are listed</span>}
              {result.repeated_labels > 0 && (
                <span className="text-amber-800"> · {plural(result.repeated_labels, "name")} used more than once: rename them before saving</span>
              )}
            </p>
            {result.targets.length > 0 && (
              <div className="max-h-64 overflow-y-auto">
                <Table label="PSA configurations">
                  <THead>
                    <Th>Label</Th>
                    <Th>Client</Th>
                    <Th>Fields</Th>
                  </THead>
                  <TBody>
                    {result.targets.map((t, i) => (
                      <Tr key={`${t.label}-${i}`} data-testid="psa-row">
                        <Td>{t.label}</Td>
                        <Td>{t.client}</Td>
                        <Td className="text-xs text-slate-500">
                          {Object.entries(t.fields ?? {})
                            .map(([k, v]) => `${k}: ${v}`)
                            .join(" · ") || "—"}
                        </Td>
                      </Tr>
                    ))}
                  </TBody>
                </Table>
              </div>
            )}
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
