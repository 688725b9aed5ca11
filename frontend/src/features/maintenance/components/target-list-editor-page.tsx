/**
 * /maintenance/target-lists/new and /maintenance/target-lists/:id — a target list edited as a
 * table: label, client, notes, one column per field (`{{target.<field>}}`), PSA company and
 * configuration ids. CSV import previews each row's problems first. A 422 lands on its cell.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { Link, useBlocker, useNavigate, useParams } from "react-router";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { FormError, Input, InputField, SelectField } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { cn } from "@/lib/cn";
import { errorMessage, toProblem } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useDeleteTargetList } from "../api/delete-target-list";
import { useTargetList } from "../api/get-target-list";
import { useTeams } from "../api/list-people";
import { useSaveTargetList } from "../api/save-target-list";
import type { TargetInput, TargetList } from "../api/types";
import { emptyRow, fieldColumns, isFieldName, rowsFromTargets, rowsOf, type TargetRow, targetProblems, toTargets } from "../model/target-rows";
import { CsvImportDialog } from "./csv-import-dialog";
import { MaintenanceNav } from "./maintenance-nav";
import { PsaImportDialog } from "./psa-import-dialog";

export function TargetListEditorPage() {
  const { id } = useParams();
  const list = useTargetList(id ?? null);
  if (id && list.isPending) return <LoadingBlock label="Loading target list" />;
  if (id && list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} title="Couldn't load this target list" />;
  return <Editor key={id ?? "new"} list={id ? (list.data ?? null) : null} />;
}

type Cell = "label" | "client" | "notes" | "psa_company_id" | "psa_config_id";

const FIXED: { cell: Cell; label: string; width: string }[] = [
  { cell: "label", label: "Label", width: "min-w-36" },
  { cell: "client", label: "Client", width: "min-w-32" },
  { cell: "notes", label: "Notes", width: "min-w-48" },
];
const PSA: { cell: Cell; label: string }[] = [
  { cell: "psa_company_id", label: "PSA company" },
  { cell: "psa_config_id", label: "PSA config" },
];

function Editor({ list }: { list: TargetList | null }) {
  const navigate = useNavigate();
  const toast = useToast();
  const canEdit = useHasRole("engineer");
  const save = useSaveTargetList();
  const remove = useDeleteTargetList();
  const teams = useTeams();
  const [name, setName] = useState(list?.name ?? "");
  const [teamId, setTeamId] = useState(list?.team_id ?? "");
  const [rows, setRows] = useState<TargetRow[]>(() => (list ? rowsOf(list) : [emptyRow()]));
  const [extraFields, setExtraFields] = useState<string[]>([]);
  const [newField, setNewField] = useState("");
  const [newFieldError, setNewFieldError] = useState<string | null>(null);
  const [importing, setImporting] = useState<"csv" | "psa" | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [dirty, setDirty] = useState(false);
  const fields = fieldColumns(rows, extraFields);
  const baseId = useId();

  const problems = save.error ? targetProblems(toProblem(save.error), rows) : null;

  // Leaving with unsaved rows asks first: in the app a dialog, for the tab the browser's prompt.
  // A ref, so a save or delete that navigates right after clearing it isn't blocked.
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (!dirty) return;
    const onUnload = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", onUnload);
    return () => window.removeEventListener("beforeunload", onUnload);
  }, [dirty]);

  function edit(next: TargetRow[]) {
    setRows(next);
    setDirty(true);
  }
  function setCell(i: number, cell: Cell, value: string) {
    edit(rows.map((r, j) => (j === i ? { ...r, [cell]: value } : r)));
  }
  function setField(i: number, field: string, value: string) {
    edit(rows.map((r, j) => (j === i ? { ...r, fields: { ...r.fields, [field]: value } } : r)));
  }
  function removeField(field: string) {
    setExtraFields((f) => f.filter((x) => x !== field));
    edit(rows.map((r) => ({ ...r, fields: Object.fromEntries(Object.entries(r.fields).filter(([k]) => k !== field)) })));
  }
  function addField(e: FormEvent) {
    e.preventDefault();
    const f = newField.trim();
    if (!isFieldName(f)) {
      setNewFieldError("Letters, digits and _, starting with a letter (e.g. ip, os, site).");
      return;
    }
    if (fields.includes(f) || ["label", "client"].includes(f)) {
      setNewFieldError(`There is already a “${f}” column.`);
      return;
    }
    setExtraFields((x) => [...x, f]);
    setNewField("");
    setNewFieldError(null);
  }
  function onImport(targets: TargetInput[], replace: boolean) {
    const imported = rowsFromTargets(targets);
    const kept = replace ? [] : rows.filter((r) => r.label.trim() || r.client.trim() || r.id);
    edit([...kept, ...imported]);
    toast.show(`${imported.length} targets added from the ${importing === "psa" ? "PSA" : "CSV"}. Save to keep them.`);
    setImporting(null);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) {
      setNameError("Give the list a name.");
      return;
    }
    setNameError(null);
    save.mutate(
      { id: list?.id ?? null, body: { name: name.trim(), team_id: teamId || null, targets: toTargets(rows) } },
      {
        onSuccess: (saved) => {
          setDirty(false);
          dirtyRef.current = false;
          setRows(rowsOf(saved));
          toast.show(list ? `${saved.name} saved.` : `${saved.name} created.`);
          if (!list) void navigate(`/maintenance/target-lists/${saved.id}`, { replace: true });
        },
      },
    );
  }

  const formErrors = problems?.form ?? {};
  const topMessage = save.error
    ? problems && problems.rows.size > 0 && Object.keys(formErrors).length === 0
      ? `Some targets need fixing (${problems.rows.size} ${problems.rows.size === 1 ? "row" : "rows"}, marked below).`
      : errorMessage(save.error, ["name", "team_id"])
    : null;

  return (
    <div className="max-w-[1400px]">
      <PageHeader
        title={list ? list.name : "New target list"}
        description="Each target is a machine or client site. Fields are what flows read as {{target.<field>}}."
        actions={
          list &&
          canEdit && (
            <Link to={`/maintenance/batches/new?list=${list.id}`} className={buttonClasses("secondary")}>
              Launch a batch on this list
            </Link>
          )
        }
      />
      <MaintenanceNav />
      <form onSubmit={submit} noValidate className="space-y-4">
        <div className="grid max-w-2xl gap-4 sm:grid-cols-2">
          <InputField label="Name" value={name} onChange={(e) => (setName(e.target.value), setDirty(true))} error={nameError ?? formErrors.name} maxLength={200} disabled={!canEdit} />
          <SelectField
            label="Team"
            value={teamId}
            onChange={(e) => (setTeamId(e.target.value), setDirty(true))}
            error={formErrors.team_id}
            hint="Its members and team admins see and use it."
            disabled={!canEdit}
          >
            <option value="">Everyone in the account</option>
            {(teams.data ?? []).map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </SelectField>
        </div>

        {formErrors.targets && (
          <p role="alert" className="text-sm text-red-700">
            {formErrors.targets}
          </p>
        )}
        <div className="overflow-x-auto rounded-lg bg-white ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Targets">
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="w-10 px-2 py-2 text-left text-xs font-medium text-slate-500">
                  #
                </th>
                {FIXED.map((c) => (
                  <th key={c.cell} scope="col" className={cn("px-2 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase", c.width)}>
                    {c.label}
                  </th>
                ))}
                {fields.map((f) => (
                  <th key={f} scope="col" className="min-w-28 px-2 py-2 text-left text-xs font-medium text-slate-500">
                    <span className="font-mono normal-case">{f}</span>
                    {canEdit && (
                      <button type="button" onClick={() => removeField(f)} className="ml-1 rounded px-1 text-slate-400 hover:bg-slate-200 hover:text-slate-700" aria-label={`Remove the ${f} field`}>
                        ✕
                      </button>
                    )}
                  </th>
                ))}
                {PSA.map((c) => (
                  <th key={c.cell} scope="col" className="min-w-28 px-2 py-2 text-left text-xs font-medium tracking-wide text-slate-500 uppercase">
                    {c.label}
                  </th>
                ))}
                <th scope="col" className="px-2 py-2">
                  <span className="sr-only">Remove</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {rows.map((r, i) => {
                const errs = problems?.rows.get(i) ?? {};
                const cellInput = (cell: Cell, label: string) => {
                  const err = errs[cell];
                  const errId = `${baseId}-${r.key}-${cell}-error`;
                  return (
                    <td key={cell} className="px-2 py-1 align-top">
                      <Input
                        aria-label={`${label}, row ${i + 1}`}
                        value={r[cell]}
                        onChange={(e) => setCell(i, cell, e.target.value)}
                        aria-invalid={err ? true : undefined}
                        aria-describedby={err ? errId : undefined}
                        className={cn("w-full", err && "ring-red-400")}
                        disabled={!canEdit}
                      />
                      {err && (
                        <p id={errId} className="mt-0.5 text-xs text-red-600">
                          {err}
                        </p>
                      )}
                    </td>
                  );
                };
                const fieldErr = errs.fields;
                return (
                  <tr key={r.key} data-testid="target-row">
                    <td className="px-2 py-1 align-top text-xs text-slate-400 tabular-nums">{i + 1}</td>
                    {FIXED.map((c) => cellInput(c.cell, c.label))}
                    {fields.map((f) => (
                      <td key={f} className="px-2 py-1 align-top">
                        <Input aria-label={`${f}, row ${i + 1}`} value={r.fields[f] ?? ""} onChange={(e) => setField(i, f, e.target.value)} className="w-full" disabled={!canEdit} />
                        {fieldErr && f === fields[0] && <p className="mt-0.5 text-xs text-red-600">{fieldErr}</p>}
                      </td>
                    ))}
                    {PSA.map((c) => cellInput(c.cell, c.label))}
                    <td className="px-2 py-1 align-top">
                      {canEdit && (
                        <Button size="sm" variant="ghost" onClick={() => edit(rows.filter((_, j) => j !== i))} aria-label={`Remove row ${i + 1}${r.label ? ` (${r.label})` : ""}`}>
                          ✕
                        </Button>
                      )}
                    </td>
                  </tr>
                );
              })}
              {rows.length === 0 && (
                <tr>
                  <td colSpan={FIXED.length + fields.length + PSA.length + 2} className="px-3 py-6 text-center text-sm text-slate-500">
                    No targets. Add one, or import a CSV.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>

        {canEdit && (
          <div className="flex flex-wrap items-start gap-2">
            <Button variant="secondary" onClick={() => edit([...rows, emptyRow()])}>
              Add target
            </Button>
            <Button variant="secondary" onClick={() => setImporting("csv")}>
              Import CSV…
            </Button>
            <Button variant="secondary" onClick={() => setImporting("psa")}>
              Import from PSA…
            </Button>
            <div className="flex items-start gap-1">
              <div>
                <Input
                  aria-label="New field name"
                  placeholder="new field, e.g. ip"
                  value={newField}
                  onChange={(e) => setNewField(e.target.value)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") addField(e);
                  }}
                  aria-invalid={newFieldError ? true : undefined}
                  aria-describedby={newFieldError ? `${baseId}-field-error` : undefined}
                  className="w-44"
                />
                {newFieldError && (
                  <p id={`${baseId}-field-error`} className="mt-0.5 max-w-60 text-xs text-red-600">
                    {newFieldError}
                  </p>
                )}
              </div>
              <Button variant="secondary" onClick={addField}>
                Add field
              </Button>
            </div>
          </div>
        )}

        <FormError message={topMessage} />
        {canEdit && (
          <div className="flex flex-wrap items-center justify-between gap-2 border-t border-slate-200 pt-4">
            <div>
              {list && (
                <Button variant="ghost" className="text-red-700" onClick={() => setDeleting(true)}>
                  Delete list…
                </Button>
              )}
            </div>
            <div className="flex items-center gap-2">
              {dirty && <span className="text-xs text-slate-500">Unsaved changes</span>}
              <Link to="/maintenance/target-lists" className={buttonClasses("ghost")}>
                {dirty ? "Discard" : "Back"}
              </Link>
              <Button type="submit" loading={save.isPending}>
                {list ? "Save list" : "Create list"}
              </Button>
            </div>
          </div>
        )}
      </form>
      <ConfirmDialog
        open={blocker.state === "blocked"}
        title="Leave without saving?"
        confirmLabel="Leave"
        danger
        onClose={() => blocker.state === "blocked" && blocker.reset()}
        onConfirm={() => blocker.state === "blocked" && blocker.proceed()}
      >
        <p>The changes to this target list are not saved. If you leave now they are lost.</p>
      </ConfirmDialog>
      {importing === "csv" && <CsvImportDialog onImport={onImport} onClose={() => setImporting(null)} />}
      {importing === "psa" && <PsaImportDialog onImport={onImport} onClose={() => setImporting(null)} />}
      {list && (
        <ConfirmDialog
          open={deleting}
          title={`Delete ${list.name}?`}
          confirmLabel="Delete list"
          danger
          pending={remove.isPending}
          error={remove.isError ? errorMessage(remove.error) : null}
          onClose={() => {
            setDeleting(false);
            remove.reset();
          }}
          onConfirm={() =>
            remove.mutate(list.id, {
              onSuccess: () => {
                setDirty(false);
                dirtyRef.current = false;
                toast.show(`${list.name} deleted.`);
                void navigate("/maintenance/target-lists");
              },
            })
          }
        >
          <p>Batches already launched keep their own copy of the targets. A list a schedule uses can't be deleted.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
