/** Import a single `.rfflow.json` (sent as text) or a library `.zip` (sent as bytes). */
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { useToast } from "@/components/ui/toast";
import { plural } from "@/lib/format";
import { type Problem, toProblem } from "@/lib/problem";
import { useImportFlow } from "../api/import-flow";
import { useImportLibrary } from "../api/import-library";

export function describeLoc(loc: readonly (string | number)[]): string {
  const parts = loc[0] === "body" ? loc.slice(1) : loc;
  return parts.reduce<string>((acc, p) => (typeof p === "number" ? `${acc}[${p}]` : acc ? `${acc}.${p}` : String(p)), "");
}

export function ImportButton({ onImported }: { onImported?: (flowId: string | null) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const one = useImportFlow();
  const many = useImportLibrary();
  const toast = useToast();
  const [failure, setFailure] = useState<{ file: string; problem: Problem } | null>(null);
  const busy = one.isPending || many.isPending;

  async function onFile(file: File) {
    try {
      if (file.name.toLowerCase().endsWith(".zip")) {
        const res = await many.mutateAsync(file);
        toast.show(`Imported ${plural(res.imported.length, "flow")}.`);
        onImported?.(null);
      } else {
        const flow = await one.mutateAsync(await file.text());
        toast.show(`Imported “${flow.title}”.`);
        onImported?.(flow.id);
      }
    } catch (err) {
      setFailure({ file: file.name, problem: toProblem(err) });
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".json,.zip,application/json,application/zip"
        className="sr-only"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = "";
          if (f) void onFile(f);
        }}
      />
      <Button variant="secondary" onClick={() => input.current?.click()} loading={busy} title="Import a .rfflow.json file or a library .zip">
        Import
      </Button>
      {failure && (
        <Dialog open onClose={() => setFailure(null)} title={`Couldn't import ${failure.file}`} footer={<Button onClick={() => setFailure(null)}>Close</Button>}>
          <div className="space-y-3 text-sm">
            <p role="alert" className="text-red-800">
              {failure.problem.detail}
            </p>
            {failure.problem.errors.length > 0 && (
              <ul className="max-h-64 space-y-1 overflow-y-auto rounded-md bg-slate-50 p-2 font-mono text-xs text-slate-700 ring-1 ring-slate-200 ring-inset">
                {failure.problem.errors.map((e, i) => (
                  <li key={i}>
                    {e.file && <span className="text-slate-500">{e.file}: </span>}
                    {e.line != null && (
                      <span>
                        line {e.line}
                        {e.column != null ? `, column ${e.column}` : ""}:{" "}
                      </span>
                    )}
                    {describeLoc(e.loc) && <span className="font-semibold">{describeLoc(e.loc)}: </span>}
                    {e.msg}
                  </li>
                ))}
              </ul>
            )}
            <p className="text-slate-500">Nothing was imported. Fix the file and try again.</p>
          </div>
        </Dialog>
      )}
    </>
  );
}
