/** /scripts/new (optionally from a builder draft) and /scripts/:id/edit — the script form as a page. */
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import type { DraftOut, Script } from "@/lib/scripts";
import { useCreateScript } from "../api/create-script";
import { useScript } from "../api/get-script";
import { useUpdateScript } from "../api/update-script";
import { emptyForm, formFromScript } from "../model/script-form";
import { ScriptForm } from "./script-form";

export function NewScriptPage() {
  const create = useCreateScript();
  const navigate = useNavigate();
  const toast = useToast();
  const draft = (useLocation().state as { draft?: DraftOut["draft"] } | null)?.draft;
  return (
    <div className="space-y-4">
      <Link to="/scripts" className="text-sm font-medium text-indigo-700 hover:underline">
        ← Scripts
      </Link>
      <PageHeader title="New script" description={draft ? "A drafted script: review before running, and before saving." : "A script template for the library."} />
      <ScriptForm
        initial={draft ? formFromScript({ ...draft, tags: [] }) : emptyForm()}
        submitLabel="Create script"
        pending={create.isPending}
        error={create.error}
        onCancel={() => navigate("/scripts")}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (s) => {
              toast.show(`Created “${s.title}”.`);
              navigate(`/scripts/${s.id}`, { replace: true });
            },
          })
        }
      />
    </div>
  );
}

export function EditScriptPage() {
  const { id = "" } = useParams();
  const script = useScript(id);
  const back = (
    <Link to={`/scripts/${id}`} className="text-sm font-medium text-indigo-700 hover:underline">
      ← Back to the script
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
  if (!script.data.can_edit)
    return (
      <div className="space-y-4">
        {back}
        <EmptyState title="You can't edit this script">Its author, a team admin of its owner team, or a super admin can.</EmptyState>
      </div>
    );
  return <EditScript script={script.data} back={back} />;
}

function EditScript({ script, back }: { script: Script; back: React.ReactNode }) {
  const update = useUpdateScript(script.id);
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <div className="space-y-4">
      {back}
      <PageHeader title={`Edit “${script.title}”`} />
      <ScriptForm
        initial={formFromScript(script)}
        submitLabel="Save script"
        pending={update.isPending}
        error={update.error}
        onCancel={() => navigate(`/scripts/${script.id}`)}
        onSubmit={(body) =>
          update.mutate(
            { ...body, revision: script.revision },
            {
              onSuccess: (s) => {
                toast.show(`Saved “${s.title}”.`);
                navigate(`/scripts/${s.id}`, { replace: true });
              },
            },
          )
        }
      />
    </div>
  );
}
