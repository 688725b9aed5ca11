import { useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { ApiError, errorMessage } from "@/lib/problem";
import { roleLabel } from "@/lib/roles";
import { useHasRole } from "@/lib/use-role";
import { type TeamMember, useTeam } from "../api/get-team";
import { useRemoveTeamMember } from "../api/remove-team-member";
import { AddMemberDialog } from "./add-member-dialog";
import { TeamFormDialog } from "./team-form-dialog";

export function TeamDetailPage() {
  const { teamId = "" } = useParams();
  const team = useTeam(teamId);
  const canEdit = useHasRole("team_admin");
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState<TeamMember | null>(null);
  const remove = useRemoveTeamMember(teamId);
  const toast = useToast();
  const memberIds = useMemo(() => new Set(team.data?.members.map((m) => m.id) ?? []), [team.data]);

  const back = (
    <Link to="/teams" className="text-sm text-slate-500 hover:text-slate-900">
      ← All teams
    </Link>
  );

  if (team.isPending) return <LoadingBlock label="Loading team" />;
  if (team.isError) {
    const notFound = team.error instanceof ApiError && (team.error.status === 404 || team.error.status === 422);
    return (
      <div className="space-y-4">
        {back}
        {notFound ? (
          <EmptyState title="Team not found">It may have been deleted, or the link is wrong.</EmptyState>
        ) : (
          <ErrorState error={team.error} onRetry={() => void team.refetch()} />
        )}
      </div>
    );
  }

  const t = team.data;
  return (
    <div>
      <div className="mb-3">{back}</div>
      <PageHeader
        title={t.name}
        description={t.description || "No description."}
        actions={
          canEdit && (
            <>
              <Button variant="secondary" onClick={() => setEditing(true)}>
                Edit team
              </Button>
              <Button onClick={() => setAdding(true)}>Add member</Button>
            </>
          )
        }
      />
      {t.members.length === 0 ? (
        <EmptyState title="No members yet">
          {canEdit ? "Use “Add member” to put people in this team." : "A team admin can add people to this team."}
        </EmptyState>
      ) : (
        <Table label="Members">
          <THead>
            <Th>Name</Th>
            <Th>Email</Th>
            <Th>Role</Th>
            <Th>Status</Th>
            {canEdit && (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </THead>
          <TBody>
            {t.members.map((m) => (
              <Tr key={m.id}>
                <Td className="font-medium text-slate-900">{m.name}</Td>
                <Td>{m.email}</Td>
                <Td>{roleLabel(m.role)}</Td>
                <Td>{m.is_active ? <Badge tone="green">Active</Badge> : <Badge>Deactivated</Badge>}</Td>
                {canEdit && (
                  <Td className="text-right">
                    <Button variant="ghost" size="sm" onClick={() => setRemoving(m)}>
                      Remove<span className="sr-only"> {m.name}</span>
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      {adding && <AddMemberDialog teamId={t.id} teamName={t.name} memberIds={memberIds} onClose={() => setAdding(false)} />}
      {editing && <TeamFormDialog team={t} onClose={() => setEditing(false)} />}
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing?.name ?? "member"}?`}
        confirmLabel="Remove from team"
        danger
        pending={remove.isPending}
        error={remove.error ? errorMessage(remove.error) : null}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id, {
            onSuccess: () => {
              toast.show(`${removing.name} removed from ${t.name}.`);
              setRemoving(null);
            },
          })
        }
        onClose={() => {
          remove.reset();
          setRemoving(null);
        }}
      >
        <p>They stay in your account and keep their role; they just leave {t.name}.</p>
      </ConfirmDialog>
    </div>
  );
}
