/** The activity log: every push to the PSA, newest first, filterable by state, with Retry on failures. */
import { Link } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/input";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import type { PsaScope } from "../api/keys";
import { type PsaPush, type PushStateFilter, usePsaActivity } from "../api/list-psa-activity";
import { useRetryPsaPush } from "../api/retry-psa-push";
import { psaErrorMessage } from "../model/psa-errors";

const STATES: { value: PushStateFilter; label: string }[] = [
  { value: "", label: "All" },
  { value: "queued", label: "Queued" },
  { value: "sending", label: "Sending" },
  { value: "sent", label: "Sent" },
  { value: "failed", label: "Failed" },
];

const STATE_TONE = { queued: "gray", sending: "indigo", sent: "green", failed: "red" } as const;
const TRIGGER_LABEL: Record<PsaPush["trigger"], string> = { manual: "By hand", resolve: "On resolve", escalate: "On escalate" };

export function ActivityTab({
  teamId,
  inherited,
  state,
  onStateChange,
}: {
  teamId: PsaScope;
  inherited: boolean;
  state: PushStateFilter;
  onStateChange: (state: PushStateFilter) => void;
}) {
  const activity = usePsaActivity(teamId, state);
  const items = activity.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div className="space-y-3">
      <SelectField label="State" className="w-48" value={state} onChange={(e) => onStateChange(e.target.value as PushStateFilter)}>
        {STATES.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </SelectField>
      {activity.isPending ? (
        <LoadingBlock label="Loading PSA activity" />
      ) : activity.isError && items.length === 0 ? (
        <ErrorState error={activity.error} onRetry={() => void activity.refetch()} title="Couldn't load the PSA activity" />
      ) : items.length === 0 ? (
        <EmptyState title={state ? `No ${state} pushes` : "No pushes yet"}>
          {inherited
            ? "This team uses the account default connection; its pushes are listed under “Account default”."
            : "Notes pushed to tickets, by hand or when a session is resolved or escalated, are listed here."}
        </EmptyState>
      ) : (
        <>
          <Table label="PSA activity">
            <THead>
              <Th>When</Th>
              <Th>Session</Th>
              <Th>Ticket</Th>
              <Th>Trigger</Th>
              <Th>State</Th>
              <Th className="text-right">Attempts</Th>
              <Th>Details</Th>
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            </THead>
            <TBody>
              {items.map((push) => (
                <PushRow key={push.id} push={push} />
              ))}
            </TBody>
          </Table>
          {activity.hasNextPage && (
            <Button variant="secondary" loading={activity.isFetchingNextPage} onClick={() => void activity.fetchNextPage()}>
              Load more
            </Button>
          )}
          {activity.isError && (
            <p role="alert" className="text-sm text-red-700">
              Couldn't load more: {psaErrorMessage(activity.error)}
            </p>
          )}
        </>
      )}
    </div>
  );
}

function PushRow({ push }: { push: PsaPush }) {
  const retry = useRetryPsaPush();
  const toast = useToast();
  const title = push.session_title || "Untitled session";
  return (
    <Tr data-testid="psa-push-row" data-state={push.state}>
      <Td className="whitespace-nowrap">{formatDateTime(push.created_at)}</Td>
      <Td>
        <Link to={`/sessions/${push.session_id}`} className="font-medium text-indigo-700 hover:underline">
          {title}
        </Link>
        {push.requested_by_name && <div className="text-xs text-slate-500">by {push.requested_by_name}</div>}
      </Td>
      <Td className="font-mono text-xs">#{push.ticket_id}</Td>
      <Td>
        {TRIGGER_LABEL[push.trigger]}
        <div className="text-xs text-slate-500">{push.note_type} note</div>
      </Td>
      <Td>
        <Badge tone={STATE_TONE[push.state]}>{push.state}</Badge>
      </Td>
      <Td className="text-right tabular-nums">{push.attempts}</Td>
      <Td className="max-w-sm text-xs">
        {push.state === "failed" ? (
          <span className="break-words text-red-700">{push.last_error || "No reason was given."}</span>
        ) : push.state === "sent" ? (
          <span>
            Sent {formatDateTime(push.sent_at)}
            {push.time_minutes ? ` · ${push.time_minutes} min logged` : ""}
            {push.target_status ? ` · status “${push.target_status}”` : ""}
          </span>
        ) : (
          <span>
            Next attempt {formatDateTime(push.next_attempt_at)}
            {push.last_error && <span className="block break-words text-amber-800">{push.last_error}</span>}
          </span>
        )}
      </Td>
      <Td className="text-right">
        {push.state === "failed" && (
          <Button
            variant="secondary"
            size="sm"
            loading={retry.isPending}
            onClick={() =>
              retry.mutate(push.id, {
                onSuccess: () => toast.show("The push is queued again."),
                onError: (error) => toast.show(`Couldn't retry the push: ${psaErrorMessage(error)}`, "error"),
              })
            }
          >
            Retry
          </Button>
        )}
      </Td>
    </Tr>
  );
}
