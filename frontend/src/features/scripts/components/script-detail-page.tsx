/** /scripts/:id — a script: its body and parameters, the Render panel, edit and delete. */
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ScriptRunPanel } from "@/components/scripts/script-run-panel";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { languageLabel, PARAM_TYPE_LABELS, type ParamType } from "@/lib/scripts";
import { useDeleteScript } from "../api/delete-script";
import { useScript } from "../api/get-script";

export function ScriptDetailPage() {
  const { id = "" } = useParams();
  const script = useScript(id);
  const remove = useDeleteScript();
  const [confirm, setConfirm] = useState(false);
  const navigate = useNavigate();
  const toast = useToast();
  const back = (
    <Link to="/scripts" className="text-sm font-medium text-indigo-700 hover:underline">
      ← Scripts
    </Link>
  );
  if (script.isPending) return <LoadingBlock label="Loading script" />;
  if (script.isError)
    return (
      <div className="space-y-4">
        {back}
        <ErrorState error={script.error} onRetry={() => void script.refetch()} title="Couldn't load this script" />
      </div>
    );
  const s = script.data;
  return (
    <div className="max-w-5xl space-y-4">
      {back}
      <PageHeader
        title={s.title}
        description={s.description || `${languageLabel(s.language)} script`}
        actions={
          s.can_edit ? (
            <>
              <Link to={`/scripts/${s.id}/edit`} className={buttonClasses("secondary")}>
                Edit
              </Link>
              <Button variant="danger" onClick={() => setConfirm(true)}>
                Delete
              </Button>
            </>
          ) : undefined
        }
      />
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-3">
          <pre aria-label="Script body" tabIndex={0} className="max-h-96 overflow-auto rounded bg-slate-900 p-3 font-mono text-xs whitespace-pre-wrap text-slate-100">
            {s.body}
          </pre>
          {s.params.length > 0 && (
            <dl className="space-y-1 text-sm">
              {s.params.map((p) => (
                <div key={p.name}>
                  <dt className="font-mono text-xs font-semibold">
                    {p.name} <span className="font-sans font-normal text-slate-500">{PARAM_TYPE_LABELS[(p.type ?? "string") as ParamType]}{p.required ? ", required" : ""}</span>
                  </dt>
                  {p.help && <dd className="text-xs text-slate-600">{p.help}</dd>}
                </div>
              ))}
            </dl>
          )}
        </div>
        <ScriptRunPanel script={s} title="Render" />
      </div>
      <ConfirmDialog
        open={confirm}
        title="Delete this script?"
        confirmLabel="Delete"
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          remove.mutate(s.id, {
            onSuccess: () => {
              toast.show(`Deleted “${s.title}”.`);
              navigate("/scripts", { replace: true });
            },
          })
        }
      >
        Flows that reference it keep their text; their script card goes away.
      </ConfirmDialog>
    </div>
  );
}
