/** /steps/new and /steps/:id/edit — the step form as a page. */
import { useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import type { LibraryStep } from "@/lib/steps";
import { useCreateStep } from "../api/create-step";
import { stepQuery, useStep } from "../api/get-step";
import { useUpdateStep } from "../api/update-step";
import { emptyForm, formFromStep } from "../model/step-form";
import { StepForm } from "./step-form";

export function NewStepPage() {
  const create = useCreateStep();
  const navigate = useNavigate();
  const toast = useToast();
  return (
    <div className="space-y-4">
      <Link to="/steps" className="text-sm font-medium text-indigo-700 hover:underline">
        ← Step library
      </Link>
      <PageHeader title="New step" description="A reusable step for the library. Anyone in the account can find it and insert it into a flow." />
      <StepForm
        initial={emptyForm()}
        submitLabel="Create step"
        pending={create.isPending}
        error={create.error}
        onCancel={() => navigate("/steps")}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (step) => {
              toast.show(`Created “${step.title}”.`);
              navigate(`/steps/${step.id}`, { replace: true });
            },
          })
        }
      />
    </div>
  );
}

export function EditStepPage() {
  const { id = "" } = useParams();
  const step = useStep(id);
  const back = (
    <Link to={`/steps/${id}`} className="text-sm font-medium text-indigo-700 hover:underline">
      ← Back to the step
    </Link>
  );
  if (step.isPending) return <LoadingBlock label="Loading step" />;
  if (step.isError) {
    return (
      <div className="space-y-4">
        {back}
        <ErrorState error={step.error} onRetry={() => void step.refetch()} title="Couldn't load this step" />
      </div>
    );
  }
  if (!step.data.can_edit) {
    return (
      <div className="space-y-4">
        {back}
        <EmptyState title="You can't edit this step">Its author, a team admin of its owner team, or a super admin can.</EmptyState>
      </div>
    );
  }
  return <EditStep step={step.data} back={back} />;
}

function EditStep({ step, back }: { step: LibraryStep; back: ReactNode }) {
  const update = useUpdateStep(step.id);
  const navigate = useNavigate();
  const toast = useToast();
  const qc = useQueryClient();
  // The revision the form started from; a reload takes the newer one (and the form starts over).
  const [base, setBase] = useState(step);

  async function reload() {
    const fresh = await qc.fetchQuery({ ...stepQuery(step.id), staleTime: 0 });
    update.reset();
    setBase(fresh);
  }

  return (
    <div className="space-y-4">
      {back}
      <PageHeader title={`Edit “${base.title}”`} description={`Revision ${base.revision}. Saving makes revision ${base.revision + 1}; flows linked to the step then offer “Update from library”.`} />
      <StepForm
        key={base.revision}
        initial={formFromStep(base)}
        submitLabel="Save changes"
        pending={update.isPending}
        error={update.error}
        onCancel={() => navigate(`/steps/${step.id}`)}
        onReload={() => void reload()}
        onSubmit={(body) =>
          update.mutate(
            { ...body, revision: base.revision },
            {
              onSuccess: (saved) => {
                toast.show(`Saved “${saved.title}” (revision ${saved.revision}).`);
                navigate(`/steps/${saved.id}`, { replace: true });
              },
            },
          )
        }
      />
    </div>
  );
}
