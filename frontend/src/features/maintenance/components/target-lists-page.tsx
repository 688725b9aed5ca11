/** /maintenance/target-lists — the target lists the caller can see; open one to edit it as a table. */
import { Link } from "react-router";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useHasRole } from "@/lib/use-role";
import { useTeams } from "../api/list-people";
import { useTargetLists } from "../api/list-target-lists";
import { MaintenanceNav } from "./maintenance-nav";

export function TargetListsPage() {
  const canEdit = useHasRole("engineer");
  const lists = useTargetLists();
  const teams = useTeams();
  const teamName = (id: string | null) => (id ? (teams.data?.find((t) => t.id === id)?.name ?? "A team") : "Everyone");
  const newLink = (
    <Link to="/maintenance/target-lists/new" className={buttonClasses("primary")}>
      New target list
    </Link>
  );
  return (
    <div className="max-w-6xl">
      <PageHeader
        title="Maintenance"
        description="Routine work across many machines: schedules launch batches, a batch runs one session per target."
        actions={canEdit && newLink}
      />
      <MaintenanceNav />
      {lists.isPending ? (
        <LoadingBlock label="Loading target lists" />
      ) : lists.isError ? (
        <ErrorState error={lists.error} onRetry={() => void lists.refetch()} title="Couldn't load the target lists" />
      ) : lists.data.items.length === 0 ? (
        <EmptyState title="No target lists yet" action={canEdit && newLink}>
          A target list holds the machines or client sites a maintenance flow runs against: a label, the client, notes and fields such as
          the IP that flows use as <code>{"{{target.ip}}"}</code>. Type them in or import a CSV.
        </EmptyState>
      ) : (
        <Table label="Target lists">
          <THead>
            <Th>Name</Th>
            <Th>Targets</Th>
            <Th>Clients</Th>
            <Th>Team</Th>
            <Th>Updated</Th>
          </THead>
          <TBody>
            {lists.data.items.map((l) => (
              <Tr key={l.id} data-testid="target-list-row">
                <Td>
                  <Link to={`/maintenance/target-lists/${l.id}`} className="font-medium text-indigo-700 hover:underline">
                    {l.name}
                  </Link>
                </Td>
                <Td className="tabular-nums">{l.target_count}</Td>
                <Td className="text-xs">{l.clients.length ? l.clients.join(", ") : "—"}</Td>
                <Td className="text-xs">{teamName(l.team_id)}</Td>
                <Td className="whitespace-nowrap text-xs">{formatDateTime(l.updated_at)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </div>
  );
}
