/**
 * "Hand to" / "Send to" in the park and escalate dialogs: the people who can pick a session up
 * and the team queues, as one select whose value names which ("user:<id>" or "team:<id>").
 */
import type { ReactNode } from "react";
import { SelectField } from "@/components/ui/input";
import type { useEscalationTargets } from "../api/list-targets";

export type HandoffTarget = "" | `user:${string}` | `team:${string}`;

type Targets = ReturnType<typeof useEscalationTargets>;

/** The request fields for a chosen target (none when nobody was chosen). */
export function targetFields(target: HandoffTarget): { target_user_id?: string; target_team_id?: string } {
  if (target.startsWith("user:")) return { target_user_id: target.slice(5) };
  if (target.startsWith("team:")) return { target_team_id: target.slice(5) };
  return {};
}

export function targetName(targets: Targets, target: HandoffTarget): string | undefined {
  if (target.startsWith("user:")) return targets.people.find((p) => `user:${p.id}` === target)?.name;
  if (target.startsWith("team:")) return targets.teams.find((t) => `team:${t.id}` === target)?.name;
  return undefined;
}

export function HandoffTargetSelect({
  label,
  targets,
  value,
  onChange,
  emptyLabel,
  hint,
  error,
  required,
}: {
  label: string;
  targets: Targets;
  value: HandoffTarget;
  onChange: (value: HandoffTarget) => void;
  emptyLabel: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
}) {
  return (
    <SelectField
      label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as HandoffTarget)}
      required={required}
      error={error}
      hint={targets.loading ? "Loading people and teams…" : hint}
    >
      <option value="">{emptyLabel}</option>
      {targets.people.length > 0 && (
        <optgroup label="People">
          {targets.people.map((p) => (
            <option key={p.id} value={`user:${p.id}`}>
              {p.name}
            </option>
          ))}
        </optgroup>
      )}
      {targets.teams.length > 0 && (
        <optgroup label="Team queues">
          {targets.teams.map((t) => (
            <option key={t.id} value={`team:${t.id}`}>
              {t.name}
            </option>
          ))}
        </optgroup>
      )}
    </SelectField>
  );
}
