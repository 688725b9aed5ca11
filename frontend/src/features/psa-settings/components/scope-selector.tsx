/** Whose connection is shown: the account default, or one team's (which may inherit the default). */
import { SelectField } from "@/components/ui/input";
import type { PsaScope } from "../api/keys";
import { useScopeTeams } from "../api/list-teams";

export function ScopeSelector({ teamId, onChange }: { teamId: PsaScope; onChange: (teamId: PsaScope) => void }) {
  const teams = useScopeTeams();
  const list = teams.data?.items ?? [];
  const unknown = teamId && teams.isSuccess && !list.some((t) => t.id === teamId);
  return (
    <SelectField
      label="Scope"
      className="w-72"
      value={teamId ?? ""}
      onChange={(e) => onChange(e.target.value || null)}
      hint={
        teams.isPending
          ? "Loading teams…"
          : teams.isError
            ? "Couldn't load the teams; only the account default can be chosen."
            : "A team without its own connection uses the account default."
      }
    >
      <option value="">Account default</option>
      {list.map((t) => (
        <option key={t.id} value={t.id}>
          Team: {t.name}
        </option>
      ))}
      {unknown && <option value={teamId}>Unknown team</option>}
    </SelectField>
  );
}
