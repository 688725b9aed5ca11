/**
 * New or edit a maintenance schedule: flow, target list, cron in a time zone (with the next runs
 * previewed as you type), assignment, and what to do with missed and overdue slots. A 422 shows
 * next to the field it names (cron, timezone, flow_id, target_list_id …).
 */
import { type FormEvent, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { FormError, InputField, SelectField } from "@/components/ui/input";
import { RadioCards } from "@/components/ui/radio-cards";
import { Spinner } from "@/components/ui/spinner";
import { useCurrentUser } from "@/lib/current-user";
import { errorMessage, fieldErrors, toProblem } from "@/lib/problem";
import { useDebouncedValue } from "@/lib/use-debounced-value";
import { useCreateSchedule } from "../api/create-schedule";
import { useCronPreview } from "../api/preview-cron";
import type { Schedule } from "../api/types";
import { useUpdateSchedule } from "../api/update-schedule";
import { browserTimeZone, formatInZone, timeZones } from "../model/timezones";
import { AssignmentFields, assignmentBody, type AssignmentValue } from "./assignment-fields";
import { FlowSelect } from "./flow-select";
import { TargetListSelect } from "./target-list-select";

const PRESETS = [
  { label: "Every Wednesday 21:00", cron: "0 21 * * 3" },
  { label: "Daily 02:00", cron: "0 2 * * *" },
  { label: "First Saturday 22:00", cron: "0 22 1-7 * 6" },
  { label: "1st of the month 06:00", cron: "0 6 1 * *" },
];

const MISSED = [
  { value: "run_once", label: "Run it once", description: "A slot missed while nothing ran (the server was down) runs once on start." },
  { value: "skip", label: "Skip it", description: "Missed slots are not owed; the next one runs as usual." },
] as const;

const OVERDUE = [
  { value: "start", label: "Start anyway", description: "A new batch starts even while the previous one is unfinished." },
  { value: "skip", label: "Skip the slot", description: "Wait for the previous batch to finish. Assignees are told either way." },
] as const;

const SHOWN = ["title", "flow_id", "target_list_id", "cron", "timezone", "assignee_user_id", "team_id", "assignment", "missed", "overdue"];

export function ScheduleFormDialog({ schedule, onClose, onSaved }: { schedule: Schedule | null; onClose: () => void; onSaved: (s: Schedule) => void }) {
  const me = useCurrentUser().data;
  const create = useCreateSchedule();
  const update = useUpdateSchedule();
  const mutation = schedule ? update : create;
  const [title, setTitle] = useState(schedule?.title ?? "");
  const [flowId, setFlowId] = useState(schedule?.flow_id ?? "");
  const [listId, setListId] = useState(schedule?.target_list_id ?? "");
  const [cron, setCron] = useState(schedule?.cron ?? "0 21 * * 3");
  const [timezone, setTimezone] = useState(schedule?.timezone ?? browserTimeZone());
  const [assignment, setAssignment] = useState<AssignmentValue>({
    assignment: schedule?.assignment ?? "user",
    userId: schedule?.assignee_user_id ?? "",
    teamId: schedule?.team_id ?? "",
  });
  const [missed, setMissed] = useState<"run_once" | "skip">(schedule?.missed ?? "run_once");
  const [overdue, setOverdue] = useState<"start" | "skip">(schedule?.overdue ?? "start");
  const [active, setActive] = useState(schedule?.active ?? true);
  const [local, setLocal] = useState<Record<string, string>>({});
  const zones = useMemo(() => {
    const all = timeZones();
    return all.includes(timezone) ? all : [timezone, ...all];
  }, [timezone]);

  const debouncedCron = useDebouncedValue(cron.trim(), 400);
  const preview = useCronPreview(debouncedCron, timezone);
  const previewErrors = preview.isError ? fieldErrors(toProblem(preview.error)) : {};
  const problem = mutation.error ? toProblem(mutation.error) : null;
  const errors: Record<string, string> = { ...(problem ? fieldErrors(problem) : {}), ...local };
  const cronError = errors.cron ?? previewErrors.cron;
  const zoneError = errors.timezone ?? previewErrors.timezone;

  function submit(e: FormEvent) {
    e.preventDefault();
    const missing: Record<string, string> = {};
    if (!flowId) missing.flow_id = "Choose the flow to run.";
    if (!listId) missing.target_list_id = "Choose the target list.";
    if (!cron.trim()) missing.cron = "When should it run? A cron expression such as 0 21 * * 3.";
    if (assignment.assignment !== "user" && !assignment.teamId) missing.team_id = "Choose the team.";
    setLocal(missing);
    if (Object.keys(missing).length) return;
    const body = {
      title: title.trim() || null,
      flow_id: flowId,
      target_list_id: listId,
      cron: cron.trim(),
      timezone,
      ...assignmentBody(assignment, me?.id),
      missed,
      overdue,
      active,
    };
    if (schedule) update.mutate({ id: schedule.id, body }, { onSuccess: onSaved });
    else create.mutate(body, { onSuccess: onSaved });
  }

  return (
    <Dialog open onClose={onClose} busy={mutation.isPending} size="lg" title={schedule ? `Edit ${schedule.title}` : "New maintenance schedule"}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <InputField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} hint="Optional: the flow and list names when left empty." error={errors.title} />
        <div className="grid gap-4 sm:grid-cols-2">
          <FlowSelect value={flowId} onChange={setFlowId} error={errors.flow_id} />
          <TargetListSelect value={listId} onChange={setListId} error={errors.target_list_id} />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <div className="space-y-1.5">
            <InputField
              label="Cron"
              value={cron}
              onChange={(e) => setCron(e.target.value)}
              spellCheck={false}
              hint="minute hour day-of-month month day-of-week, in the time zone"
              error={cronError}
            />
            <div className="flex flex-wrap gap-1" role="group" aria-label="Common schedules">
              {PRESETS.map((p) => (
                <button
                  key={p.cron}
                  type="button"
                  onClick={() => setCron(p.cron)}
                  className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500"
                >
                  {p.label}
                </button>
              ))}
            </div>
          </div>
          <SelectField label="Time zone" value={timezone} onChange={(e) => setTimezone(e.target.value)} error={zoneError}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </SelectField>
        </div>
        <section aria-label="Next runs" className="rounded-md bg-slate-50 px-3 py-2 ring-1 ring-slate-200" aria-live="polite">
          <h3 className="flex items-center gap-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
            Next runs {preview.isFetching && <Spinner label="Working out the next runs" />}
          </h3>
          {preview.isError ? (
            <p className="mt-1 text-sm text-red-700">{cronError ?? zoneError ?? errorMessage(preview.error)}</p>
          ) : preview.data ? (
            <ol className="mt-1 grid gap-x-4 text-sm text-slate-700 sm:grid-cols-2" data-testid="cron-preview">
              {preview.data.next_runs.map((iso) => (
                <li key={iso}>
                  <time dateTime={iso}>{formatInZone(iso, timezone)}</time>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-1 text-sm text-slate-500">Type a cron expression to see when it runs.</p>
          )}
        </section>
        <AssignmentFields value={assignment} onChange={setAssignment} errors={errors} />
        <RadioCards legend="A missed slot" name="missed" options={MISSED} value={missed} onChange={setMissed} />
        <RadioCards legend="When the previous batch is unfinished (overdue)" name="overdue" options={OVERDUE} value={overdue} onChange={setOverdue} />
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} className="size-4 accent-indigo-600" />
          Active (unticked: saved paused)
        </label>
        <FormError message={problem ? errorMessage(mutation.error, SHOWN) : null} />
        <div className="flex justify-end gap-2 border-t border-slate-100 pt-3">
          <Button variant="secondary" onClick={onClose} disabled={mutation.isPending}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            {schedule ? "Save changes" : "Create schedule"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
