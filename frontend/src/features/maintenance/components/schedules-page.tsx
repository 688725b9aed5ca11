/**
 * /maintenance — the schedules: an agenda of the next 30 days, then every schedule with its next
 * runs, overdue warning and last batch; create, edit, pause/resume, "Run now" and delete.
 */
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { errorMessage } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useDeleteSchedule } from "../api/delete-schedule";
import { AGENDA_DAYS, useAgenda } from "../api/get-agenda";
import { useMaintenanceSchedules } from "../api/list-schedules";
import { useRunSchedule } from "../api/run-schedule";
import type { Schedule } from "../api/types";
import { useUpdateSchedule } from "../api/update-schedule";
import { useNow } from "../hooks/use-now";
import { groupByDay, timeOf } from "../model/agenda";
import { formatInZone } from "../model/timezones";
import { MaintenanceNav } from "./maintenance-nav";
import { ScheduleFormDialog } from "./schedule-form-dialog";

export function SchedulesPage() {
  const canEdit = useHasRole("engineer");
  const [editing, setEditing] = useState<Schedule | "new" | null>(null);
  const toast = useToast();
  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Maintenance"
        description="Routine work across many machines: schedules launch batches, a batch runs one session per target."
        actions={canEdit && <Button onClick={() => setEditing("new")}>New schedule</Button>}
      />
      <MaintenanceNav />
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <SchedulesSection canEdit={canEdit} onEdit={setEditing} onNew={() => setEditing("new")} />
        <AgendaSection />
      </div>
      {editing && (
        <ScheduleFormDialog
          schedule={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(s) => {
            setEditing(null);
            toast.show(editing === "new" ? `Schedule “${s.title}” created.` : `Schedule “${s.title}” saved.`);
          }}
        />
      )}
    </div>
  );
}

function SchedulesSection({ canEdit, onEdit, onNew }: { canEdit: boolean; onEdit: (s: Schedule) => void; onNew: () => void }) {
  const headingId = useId();
  const schedules = useMaintenanceSchedules();
  const [deleting, setDeleting] = useState<Schedule | null>(null);
  const remove = useDeleteSchedule();
  const toast = useToast();
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        Schedules
      </h2>
      {schedules.isPending ? (
        <LoadingBlock label="Loading schedules" />
      ) : schedules.isError ? (
        <ErrorState error={schedules.error} onRetry={() => void schedules.refetch()} title="Couldn't load the schedules" />
      ) : schedules.data.length === 0 ? (
        <EmptyState title="No maintenance schedules yet" action={canEdit && <Button variant="secondary" onClick={onNew}>New schedule</Button>}>
          A schedule runs a maintenance flow against a target list on a cron (monthly patching, weekly backup checks) and launches a batch
          at each slot.
        </EmptyState>
      ) : (
        <Table label="Schedules">
          <THead>
            <Th>Schedule</Th>
            <Th>When</Th>
            <Th>Next run</Th>
            <Th>Last batch</Th>
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </THead>
          <TBody>
            {schedules.data.map((s) => (
              <ScheduleRow key={s.id} schedule={s} canEdit={canEdit} onEdit={() => onEdit(s)} onDelete={() => setDeleting(s)} />
            ))}
          </TBody>
        </Table>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.title ?? "schedule"}?`}
        confirmLabel="Delete schedule"
        danger
        pending={remove.isPending}
        error={remove.isError ? errorMessage(remove.error) : null}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              toast.show(`Schedule “${deleting.title}” deleted.`);
              setDeleting(null);
            },
          })
        }
      >
        <p>It stops launching batches. The batches it already launched stay, with their reports.</p>
      </ConfirmDialog>
    </section>
  );
}

function ScheduleRow({ schedule: s, canEdit, onEdit, onDelete }: { schedule: Schedule; canEdit: boolean; onEdit: () => void; onDelete: () => void }) {
  const run = useRunSchedule();
  const update = useUpdateSchedule();
  const toast = useToast();
  const navigate = useNavigate();
  const next = s.next_runs[0];
  const errorId = useId();
  const error = run.error ?? update.error;

  return (
    <Tr data-testid="maintenance-schedule" data-active={s.active} data-overdue={s.is_overdue}>
      <Td className="align-top">
        <div className="font-medium text-slate-900">{s.title}</div>
        <div className="text-xs text-slate-500">
          {s.flow_title} · {s.target_list_name}
        </div>
        <div className="mt-1 flex flex-wrap gap-1">
          {s.active ? <Badge tone="green">Active</Badge> : <Badge tone="gray">Paused</Badge>}
          {s.is_overdue && <Badge tone="red">Overdue</Badge>}
        </div>
        {s.is_overdue && <p className="mt-1 text-xs text-red-700">The last batch is unfinished and a later slot has come ({s.overdue === "skip" ? "slots are skipped" : "new batches start anyway"}).</p>}
      </Td>
      <Td className="align-top text-xs">
        <code className="font-mono text-slate-800">{s.cron}</code>
        <div className="text-slate-500">{s.timezone}</div>
        <div className="text-slate-500">Missed: {s.missed === "run_once" ? "run once" : "skip"}</div>
      </Td>
      <Td className="align-top text-sm whitespace-nowrap">
        {s.active && next ? (
          <time dateTime={next} title={s.next_runs.map((r) => formatInZone(r, s.timezone)).join("\n")}>
            {formatInZone(next, s.timezone)}
          </time>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </Td>
      <Td className="align-top text-sm">
        {s.last_batch ? (
          <>
            <Link to={`/maintenance/batches/${s.last_batch.id}`} className="text-indigo-700 hover:underline">
              {s.last_batch.status === "running" ? "Running" : s.last_batch.status === "completed" ? "Completed" : "Cancelled"}
            </Link>
            <Link to={`/maintenance/batches?schedule=${s.id}`} className="block text-xs text-slate-500 hover:underline">
              All its batches
            </Link>
          </>
        ) : (
          <span className="text-slate-400">None yet</span>
        )}
      </Td>
      <Td className="align-top text-right">
        {canEdit && (
          <div className="flex flex-col items-end gap-1">
            <div className="flex flex-wrap justify-end gap-1">
              <Button
                size="sm"
                loading={run.isPending}
                aria-describedby={error ? errorId : undefined}
                onClick={() =>
                  run.mutate(s.id, {
                    onSuccess: (batch) => {
                      toast.show(`Batch “${batch.title}” launched.`);
                      void navigate(`/maintenance/batches/${batch.id}`);
                    },
                  })
                }
              >
                Run now<span className="sr-only"> {s.title}</span>
              </Button>
              <Button
                size="sm"
                variant="secondary"
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { id: s.id, body: { active: !s.active } },
                    { onSuccess: (saved) => toast.show(saved.active ? `${saved.title} resumed.` : `${saved.title} paused.`) },
                  )
                }
              >
                {s.active ? "Pause" : "Resume"}
                <span className="sr-only"> {s.title}</span>
              </Button>
              <Button size="sm" variant="ghost" onClick={onEdit}>
                Edit<span className="sr-only"> {s.title}</span>
              </Button>
              <Button size="sm" variant="ghost" onClick={onDelete}>
                Delete<span className="sr-only"> {s.title}</span>
              </Button>
            </div>
            {error && (
              <p id={errorId} role="alert" className="max-w-64 text-left text-xs text-red-700">
                {errorMessage(error)}
              </p>
            )}
          </div>
        )}
      </Td>
    </Tr>
  );
}

function AgendaSection() {
  const headingId = useId();
  const agenda = useAgenda();
  const now = useNow(60_000);
  const days = agenda.data ? groupByDay(agenda.data, now) : [];
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        Next {AGENDA_DAYS} days
      </h2>
      {agenda.isPending ? (
        <LoadingBlock label="Loading the agenda" />
      ) : agenda.isError ? (
        <ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} title="Couldn't load the agenda" />
      ) : days.length === 0 ? (
        <EmptyState title="Nothing scheduled">No active schedule has a slot in the next {AGENDA_DAYS} days.</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label="Agenda">
          {days.map((d) => (
            <li key={d.key} className="rounded-lg bg-white p-3 ring-1 ring-slate-200" data-testid="agenda-day">
              <h3 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{d.label}</h3>
              <ul className="mt-1 space-y-0.5">
                {d.entries.map((e) => (
                  <li key={`${e.schedule_id}-${e.at}`} className="flex gap-2 text-sm">
                    <time dateTime={e.at} className="w-20 shrink-0 whitespace-nowrap text-slate-500 tabular-nums">
                      {timeOf(e.at)}
                    </time>
                    <span className="text-slate-800">{e.title}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
