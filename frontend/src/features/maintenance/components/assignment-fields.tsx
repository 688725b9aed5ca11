/** Who works a batch: one engineer, a team pool (members claim targets) or round-robin in a team. */
import { RadioCards } from "@/components/ui/radio-cards";
import { SelectField } from "@/components/ui/input";
import { useCurrentUser } from "@/lib/current-user";
import { useAssignablePeople, useTeams } from "../api/list-people";
import type { Assignment } from "../api/types";

export interface AssignmentValue {
  assignment: Assignment;
  /** "" = the person launching (or, for a schedule, whoever is signed in now). */
  userId: string;
  teamId: string;
}

export const DEFAULT_ASSIGNMENT: AssignmentValue = { assignment: "user", userId: "", teamId: "" };

const OPTIONS = [
  { value: "user", label: "One engineer", description: "Every target goes to one person." },
  { value: "pool", label: "Team pool", description: "The team's members claim targets." },
  { value: "round_robin", label: "Round-robin", description: "The team's members in turn." },
] as const;

/** The request's assignment fields. */
export function assignmentBody(v: AssignmentValue, meId: string | undefined) {
  if (v.assignment === "user") return { assignment: "user" as const, assignee_user_id: v.userId || meId || null, team_id: null };
  return { assignment: v.assignment, team_id: v.teamId || null, assignee_user_id: null };
}

export function AssignmentFields({
  value,
  onChange,
  errors,
}: {
  value: AssignmentValue;
  onChange: (v: AssignmentValue) => void;
  errors: Record<string, string>;
}) {
  const me = useCurrentUser().data;
  const teams = useTeams();
  const people = useAssignablePeople(teams.data);
  const others = (people ?? []).filter((p) => p.id !== me?.id);
  // An assignee saved earlier who is in none of the teams you can see (or left them).
  const unknown = value.userId !== "" && value.userId !== me?.id && people !== null && !others.some((p) => p.id === value.userId);
  const selected = value.userId === me?.id ? "" : value.userId;

  return (
    <div className="space-y-3">
      <RadioCards legend="Assignment" name="assignment" options={OPTIONS} value={value.assignment} onChange={(a) => onChange({ ...value, assignment: a })} />
      {errors.assignment && <p className="text-xs text-red-600">{errors.assignment}</p>}
      {value.assignment === "user" ? (
        <SelectField label="Engineer" value={selected} onChange={(e) => onChange({ ...value, userId: e.target.value })} error={errors.assignee_user_id}>
          <option value="">Me{me ? ` (${me.name})` : ""}</option>
          {unknown && <option value={value.userId}>The current assignee (not in your teams)</option>}
          {people === null && teams.isPending && <option disabled>Loading people…</option>}
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <SelectField
          label="Team"
          value={value.teamId}
          onChange={(e) => onChange({ ...value, teamId: e.target.value })}
          error={errors.team_id ?? (teams.isError ? "Couldn't load the teams." : undefined)}
          hint={value.assignment === "pool" ? "Members (and team admins) claim targets from the batch page." : "Targets are shared out among the members in turn."}
        >
          <option value="">Choose a team…</option>
          {(teams.data ?? []).map((t) => (
            <option key={t.id} value={t.id}>
              {t.name} ({t.member_count})
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}
