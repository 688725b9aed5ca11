/** The account's recurring schedules: name, cron, zone, next run (in that zone, and how soon), on/off. */
import { useId } from "react";
import { Badge } from "@/components/ui/badge";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { type Schedule, useSchedules } from "../api/list-schedules";
import { useNow } from "../hooks/use-now";
import { formatInZone, nextRunRelative } from "../model/schedule-view";

export function SchedulesSection() {
  const headingId = useId();
  const schedules = useSchedules();
  const now = useNow(30_000);

  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div>
        <h2 id={headingId} className="text-base font-semibold text-slate-900">
          Schedules
        </h2>
        <p className="text-sm text-slate-500">Work that runs on a timetable; each run appears above as a job.</p>
      </div>
      {schedules.isPending ? (
        <LoadingBlock label="Loading schedules" />
      ) : schedules.isError ? (
        <ErrorState error={schedules.error} onRetry={() => void schedules.refetch()} title="Couldn't load the schedules" />
      ) : schedules.data.length === 0 ? (
        <EmptyState title="No schedules yet">
          Schedules are created by maintenance and knowledge features (for example a nightly knowledge refresh); they
          appear here with their next run.
        </EmptyState>
      ) : (
        <Table label="Schedules">
          <THead>
            <Th>Name</Th>
            <Th>Cron</Th>
            <Th>Time zone</Th>
            <Th>Next run</Th>
            <Th>Enabled</Th>
          </THead>
          <TBody>
            {schedules.data.map((s) => (
              <ScheduleRow key={s.id} schedule={s} now={now} />
            ))}
          </TBody>
        </Table>
      )}
    </section>
  );
}

function ScheduleRow({ schedule: s, now }: { schedule: Schedule; now: Date }) {
  return (
    <Tr data-testid="schedule-row" data-enabled={s.enabled}>
      <Td>
        <span className="font-medium text-slate-900">{s.name}</span>
        <p className="text-xs text-slate-500">{s.owner}</p>
      </Td>
      <Td>
        <code className="font-mono text-xs text-slate-800">{s.cron}</code>
      </Td>
      <Td className="text-xs">{s.timezone}</Td>
      <Td className="whitespace-nowrap">
        {s.enabled && s.next_run_at ? (
          <time dateTime={s.next_run_at} title={formatDateTime(s.next_run_at)}>
            {formatInZone(s.next_run_at, s.timezone)}
            <span className="text-slate-500"> · {nextRunRelative(s.next_run_at, now)}</span>
          </time>
        ) : (
          <span className="text-slate-400">—</span>
        )}
      </Td>
      <Td>{s.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="gray">Paused</Badge>}</Td>
    </Tr>
  );
}
