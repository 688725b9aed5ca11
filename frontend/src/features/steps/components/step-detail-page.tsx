/**
 * /steps/:id — one library step: its Markdown body, answers, tags and variables, how it is rated
 * and used; your rating and review, everyone's reviews, "This step is wrong", and for those who
 * may, edit, delete and closing flags.
 */
import { type ReactNode, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { useToast } from "@/components/ui/toast";
import { formatDateTime, plural } from "@/lib/format";
import { ApiError, errorMessage } from "@/lib/problem";
import type { LibraryStep } from "@/lib/steps";
import { useHasRole } from "@/lib/use-role";
import { useDeleteStep } from "../api/delete-step";
import { useStep } from "../api/get-step";
import { FlagDialog } from "./flag-dialog";
import { FlagsSection } from "./flags-section";
import { RatingSection } from "./rating-section";
import { ReviewsList } from "./reviews-list";
import { FlagsBadge, KindBadge, VerifiedBadge } from "./step-badges";
import { Stars } from "./stars";

const back = (
  <Link to="/steps" className="text-sm font-medium text-indigo-700 hover:underline">
    ← Step library
  </Link>
);

export function StepDetailPage() {
  const { id = "" } = useParams();
  const step = useStep(id);

  if (step.isPending) return <LoadingBlock label="Loading step" />;
  if (step.isError) {
    const gone = step.error instanceof ApiError && step.error.status === 404;
    return (
      <div className="space-y-4">
        {back}
        {gone ? (
          <EmptyState title="This step doesn't exist">It may have been deleted. Search the library for another.</EmptyState>
        ) : (
          <ErrorState error={step.error} onRetry={() => void step.refetch()} title="Couldn't load this step" />
        )}
      </div>
    );
  }
  return <StepDetail step={step.data} />;
}

function StepDetail({ step }: { step: LibraryStep }) {
  const canAct = useHasRole("engineer");
  const navigate = useNavigate();
  const toast = useToast();
  const remove = useDeleteStep();
  const [flagging, setFlagging] = useState(false);
  const [deleting, setDeleting] = useState(false);

  return (
    <div className="max-w-5xl space-y-5">
      {back}
      <PageHeader
        title={step.title}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <KindBadge kind={step.kind} />
            {step.category && <span>{step.category}</span>}
            <span>Revision {step.revision}</span>
          </span>
        }
        actions={
          <>
            {canAct && (
              <Button variant="secondary" onClick={() => setFlagging(true)}>
                This step is wrong
              </Button>
            )}
            {step.can_edit && (
              <Link to={`/steps/${step.id}/edit`} className={buttonClasses("secondary")}>
                Edit
              </Link>
            )}
            {step.can_edit && (
              <Button
                variant="danger"
                onClick={() => {
                  remove.reset();
                  setDeleting(true);
                }}
              >
                Delete
              </Button>
            )}
          </>
        }
      />

      <dl aria-label="Step details" data-testid="step-details" className="grid grid-cols-2 gap-x-6 gap-y-3 rounded-lg bg-white p-4 text-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6">
        <Meta label="Rating">
          <Stars avg={step.rating_avg} count={step.rating_count} />
        </Meta>
        <Meta label="Verified uses">
          <VerifiedBadge uses={step.verified_uses} />
        </Meta>
        <Meta label="Open flags">{step.open_flags > 0 ? <FlagsBadge open={step.open_flags} /> : "None"}</Meta>
        <Meta label="Linked nodes">
          <span title="Published flow nodes linked to this step">{step.linked_nodes > 0 ? plural(step.linked_nodes, "node") : "None yet"}</span>
        </Meta>
        <Meta label="Owner team">{step.team_name ?? "Whole account"}</Meta>
        <Meta label="Author">{step.created_by_name ?? "—"}</Meta>
        <Meta label="Updated">{formatDateTime(step.updated_at)}</Meta>
      </dl>

      <div className="grid gap-5 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="space-y-5">
          <section aria-label="Step body" className="rounded-lg bg-white p-4 ring-1 ring-slate-200">
            {step.body.trim() ? <Markdown source={step.body} /> : <p className="text-sm text-slate-400 italic">No body text.</p>}
            {step.kind === "question" && step.answers.length > 0 && (
              <div className="mt-3 border-t border-slate-100 pt-3">
                <h2 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Answers</h2>
                <ul aria-label="Answers" className="mt-1 flex flex-wrap gap-1.5">
                  {step.answers.map((a) => (
                    <li key={a}>
                      <Badge tone="indigo">{a}</Badge>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {step.kind === "script_ref" && step.script_ref && (
              <p className="mt-3 border-t border-slate-100 pt-3 text-sm">
                Script: <code className="rounded bg-slate-100 px-1 font-mono text-xs">{step.script_ref}</code>
              </p>
            )}
          </section>
          <ReviewsList stepId={step.id} />
          <FlagsSection stepId={step.id} />
        </div>
        <aside className="space-y-5" aria-label="About this step">
          {canAct && <RatingSection key={`${step.id}:${step.my_rating?.updated_at ?? ""}`} step={step} />}
          <section aria-labelledby="step-tags-title" className="space-y-2 rounded-lg bg-white p-4 ring-1 ring-slate-200">
            <h2 id="step-tags-title" className="text-sm font-semibold text-slate-900">
              Tags
            </h2>
            {step.tags.length === 0 ? (
              <p className="text-sm text-slate-500">No tags.</p>
            ) : (
              <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
                {step.tags.map((t) => (
                  <li key={t}>
                    <Link to={`/steps?tag=${encodeURIComponent(t)}`} className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200">
                      #{t}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <h2 className="pt-2 text-sm font-semibold text-slate-900">Variables</h2>
            {step.variables.length === 0 ? (
              <p className="text-sm text-slate-500">Uses no variables.</p>
            ) : (
              <>
                <ul aria-label="Variables" className="flex flex-wrap gap-1.5">
                  {step.variables.map((v) => (
                    <li key={v}>
                      <code className="rounded bg-amber-50 px-1 font-mono text-xs text-amber-900 ring-1 ring-amber-200">{`{{${v}}}`}</code>
                    </li>
                  ))}
                </ul>
                <p className="text-xs text-slate-500">Filled in from the session when the step runs inside a flow.</p>
              </>
            )}
          </section>
        </aside>
      </div>

      {flagging && (
        <FlagDialog
          stepId={step.id}
          stepTitle={step.title}
          onClose={() => setFlagging(false)}
          onFlagged={() => {
            setFlagging(false);
            toast.show("Thanks: the step was flagged for review.");
          }}
        />
      )}
      <ConfirmDialog
        open={deleting}
        title="Delete this step?"
        confirmLabel="Delete step"
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          remove.mutate(step.id, {
            onSuccess: () => {
              toast.show(`Deleted “${step.title}”.`);
              navigate("/steps", { replace: true });
            },
          })
        }
      >
        <p>
          “{step.title}” leaves the library with its ratings, reviews and flags. Flow nodes inserted from it keep their text but lose the link.
        </p>
      </ConfirmDialog>
    </div>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="mt-0.5 text-slate-900">{children}</dd>
    </div>
  );
}
