import { useState } from "react";
import { Link } from "react-router";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { PageHeader } from "@/components/ui/page-header";
import { LoadingBlock } from "@/components/ui/spinner";
import { EmptyState, ErrorState } from "@/components/ui/states";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { useToast } from "@/components/ui/toast";
import { plural } from "@/lib/format";
import { errorMessage } from "@/lib/problem";
import { useHasRole } from "@/lib/use-role";
import { useDeleteTeam } from "../api/delete-team";
import { type Team, useTeams } from "../api/list-teams";
import { TeamFormDialog } from "./team-form-dialog";

export function TeamsPage() {
  const teams = useTeams();
  const canEdit = useHasRole("team_admin");
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Team | null>(null);
  const [deleting, setDeleting] = useState<Team | null>(null);
  const del = useDeleteTeam();
  const toast = useToast();

  return (
    <div>
      <PageHeader
        title="Teams"
        description="Groups of people inside your account. PSA connections are set up per team."
        actions={canEdit && <Button onClick={() => setCreating(true)}>New team</Button>}
      />
      {teams.isPending ? (
        <LoadingBlock label="Loading teams" />
      ) : teams.isError ? (
        <ErrorState error={teams.error} onRetry={() => void teams.refetch()} />
      ) : teams.data.items.length === 0 ? (
        <EmptyState title="No teams yet">
          {canEdit
            ? "Create a team to group people, for example by client or by shift."
            : "A team admin hasn't created any teams in this account yet."}
        </EmptyState>
      ) : (
        <Table label="Teams">
          <THead>
            <Th>Team</Th>
            <Th>Description</Th>
            <Th>Members</Th>
            {canEdit && (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            )}
          </THead>
          <TBody>
            {teams.data.items.map((t) => (
              <Tr key={t.id}>
                <Td className="font-medium">
                  <Link to={`/teams/${t.id}`} className="text-indigo-700 hover:underline">
                    {t.name}
                  </Link>
                </Td>
                <Td className="max-w-md truncate text-slate-500">{t.description || "—"}</Td>
                <Td>{plural(t.member_count, "member")}</Td>
                {canEdit && (
                  <Td className="text-right whitespace-nowrap">
                    <Button variant="ghost" size="sm" onClick={() => setEditing(t)}>
                      Edit<span className="sr-only"> {t.name}</span>
                    </Button>
                    <Button variant="ghost" size="sm" onClick={() => setDeleting(t)}>
                      Delete<span className="sr-only"> {t.name}</span>
                    </Button>
                  </Td>
                )}
              </Tr>
            ))}
          </TBody>
        </Table>
      )}

      {creating && <TeamFormDialog onClose={() => setCreating(false)} />}
      {editing && <TeamFormDialog team={editing} onClose={() => setEditing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting?.name ?? "team"}?`}
        confirmLabel="Delete team"
        danger
        pending={del.isPending}
        error={del.error ? errorMessage(del.error) : null}
        onConfirm={() =>
          deleting &&
          del.mutate(deleting.id, {
            onSuccess: () => {
              toast.show(`Team “${deleting.name}” deleted.`);
              setDeleting(null);
            },
          })
        }
        onClose={() => {
          del.reset();
          setDeleting(null);
        }}
      >
        <p>The people in it stay in your account; only the team goes away.</p>
      </ConfirmDialog>
    </div>
  );
}
