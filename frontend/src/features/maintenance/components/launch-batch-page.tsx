/**
 * /maintenance/batches/new — launch a flow across a target list or ad-hoc targets, assigned to
 * one engineer, a team pool or round-robin; then the batch's status page. `?flow=` and `?list=`
 * preselect. The server's 422 shows next to the field it names, and nothing is created.
 */
import { type FormEvent, useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { Button } from "@/components/ui/button";
import { FormError, InputField, TextareaField } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { RadioCards } from "@/components/ui/radio-cards";
import { useCurrentUser } from "@/lib/current-user";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useLaunchBatch } from "../api/launch-batch";
import { parseAdHoc } from "../model/ad-hoc";
import { targetProblems } from "../model/target-rows";
import { AssignmentFields, assignmentBody, type AssignmentValue, DEFAULT_ASSIGNMENT } from "./assignment-fields";
import { FlowSelect } from "./flow-select";
import { MaintenanceNav } from "./maintenance-nav";
import { TargetListSelect } from "./target-list-select";

type Source = "list" | "adhoc";

const SOURCES = [
  { value: "list", label: "A target list", description: "Its targets as they are now (later edits don't change the batch)." },
  { value: "adhoc", label: "Ad-hoc targets", description: "Type them here, one per line." },
] as const;

const SHOWN = ["flow_id", "target_list_id", "targets", "title", "assignee_user_id", "team_id", "assignment"];

export function LaunchBatchPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useCurrentUser().data;
  const launch = useLaunchBatch();
  const [flowId, setFlowId] = useState(params.get("flow") ?? "");
  const [source, setSource] = useState<Source>("list");
  const [listId, setListId] = useState(params.get("list") ?? "");
  const [adHoc, setAdHoc] = useState("");
  const [title, setTitle] = useState("");
  const [assignment, setAssignment] = useState<AssignmentValue>(DEFAULT_ASSIGNMENT);
  const [local, setLocal] = useState<Record<string, string>>({});

  const problem = launch.error ? toProblem(launch.error) : null;
  const server = problem ? fieldErrors(problem) : {};
  const rows = parseAdHoc(adHoc);
  const lineErrors =
    problem && source === "adhoc"
      ? [...targetProblems(problem, rows).rows.entries()].map(([i, cells]) => `Line ${i + 1}: ${Object.values(cells).join(" ")}`)
      : [];
  const errors: Record<string, string> = { ...server, ...local };
  if (lineErrors.length) errors.targets = lineErrors.join(" ");
  // A repeated label in an ad-hoc list comes back on `targets.<n>.label`: it belongs to the targets box.
  delete errors.label;

  function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!flowId) missing.flow_id = "Choose the flow to run.";
    if (source === "list" && !listId) missing.target_list_id = "Choose a target list.";
    if (source === "adhoc" && rows.length === 0) missing.targets = "Add at least one target.";
    if (assignment.assignment !== "user" && !assignment.teamId) missing.team_id = "Choose the team.";
    setLocal(missing);
    if (Object.keys(missing).length) return;
    launch.mutate(
      {
        flow_id: flowId,
        ...(source === "list" ? { target_list_id: listId } : { targets: rows.map((r) => ({ label: r.label, client: r.client, notes: "" })) }),
        title: title.trim() || null,
        ...assignmentBody(assignment, me?.id),
      },
      { onSuccess: (batch) => void navigate(`/maintenance/batches/${batch.id}`) },
    );
  }

  return (
    <div className="max-w-3xl">
      <PageHeader title="Launch a batch" description="One session per target, each titled with its target and with {{target.*}} filled in." />
      <MaintenanceNav />
      <form onSubmit={submit} noValidate className="space-y-5 rounded-lg bg-white p-5 ring-1 ring-slate-200">
        <FlowSelect value={flowId} onChange={setFlowId} error={errors.flow_id} />
        <RadioCards legend="Targets" name="source" options={SOURCES} value={source} onChange={setSource} />
        {source === "list" ? (
          <TargetListSelect value={listId} onChange={setListId} error={errors.target_list_id} />
        ) : (
          <TextareaField
            label="Ad-hoc targets"
            rows={5}
            value={adHoc}
            onChange={(e) => setAdHoc(e.target.value)}
            placeholder={"FAB-DC01, Fabrikam\nFAB-FS01, Fabrikam"}
            hint="One target per line: label, then optionally a comma and the client."
            error={errors.targets}
          />
        )}
        <InputField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} hint="Optional: the flow's title and today's date when left empty." error={errors.title} />
        <AssignmentFields value={assignment} onChange={setAssignment} errors={errors} />
        <FormError message={problem ? errorMessage(launch.error, [...SHOWN, "label"]) : null} />
        <div className="flex justify-end gap-2">
          <Link to="/maintenance/batches" className="inline-flex h-9 items-center rounded-md px-3.5 text-sm font-medium text-slate-600 hover:bg-slate-100">
            Cancel
          </Link>
          <Button type="submit" loading={launch.isPending}>
            Launch batch
          </Button>
        </div>
      </form>
    </div>
  );
}
