import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock, Spinner } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { AUDIT_ACTIONS, type AuditAction, type AuditEvent, useAuditEvents } from "../api/list-audit-events";

function target(e: AuditEvent): string {
  if (!e.target_type) return "—";
  return e.target_id ? `${e.target_type} ${String(e.target_id).slice(0, 8)}` : e.target_type;
}

export function AuditPage() {
  const filterId = useId();
  const [action, setAction] = useState<AuditAction | "">("");
  const events = useAuditEvents(action);
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      <PageHeader title="Audit log" description="Sign-ins and administrative changes in your account, newest first." />
      <div className="mb-3 flex items-center gap-2">
        <label htmlFor={filterId} className="text-sm font-medium text-slate-700">
          Action
        </label>
        <Select id={filterId} className="w-56" value={action} onChange={(e) => setAction(e.target.value as AuditAction | "")}>
          <option value="">All actions</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Select>
        {events.isFetching && !events.isPending && !events.isFetchingNextPage && <Spinner label="Updating" />}
      </div>

      {events.isPending ? (
        <LoadingBlock label="Loading audit events" />
      ) : events.isError && rows.length === 0 ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No events">
          {action ? `Nothing recorded for “${action}” yet. Choose “All actions” to see everything.` : "Events appear here as people sign in and make changes."}
        </EmptyState>
      ) : (
        <>
          <Table label="Audit events">
            <THead>
              <Th>Time</Th>
              <Th>Action</Th>
              <Th>Actor</Th>
              <Th>Target</Th>
              <Th>IP</Th>
            </THead>
            <TBody>
              {rows.map((e) => (
                <Tr key={e.id}>
                  <Td className="whitespace-nowrap">
                    <time dateTime={e.created_at}>{formatDateTime(e.created_at)}</time>
                  </Td>
                  <Td>
                    <code className="font-mono text-xs text-slate-800">{e.action}</code>
                  </Td>
                  <Td>{e.actor_email ?? <span className="text-slate-400">system</span>}</Td>
                  <Td className="font-mono text-xs" title={e.target_id ? String(e.target_id) : undefined}>
                    {target(e)}
                  </Td>
                  <Td className="font-mono text-xs" title={e.user_agent ?? undefined}>
                    {e.ip ?? "—"}
                  </Td>
                </Tr>
              ))}
            </TBody>
          </Table>
          <div className="mt-3 flex items-center justify-center gap-3">
            {events.isError && <p className="text-sm text-red-600">Couldn't load more events.</p>}
            {events.hasNextPage ? (
              <Button variant="secondary" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                Load more
              </Button>
            ) : (
              <p className="text-xs text-slate-500">That's everything.</p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
