/** Priority and confidence badges of a handoff. */
import { Badge } from "@/components/ui/badge";
import type { Priority } from "../api/types";
import { type ConfidenceLabel, PRIORITY_LABELS, PRIORITY_TONES } from "../model/handoff";

export function PriorityBadge({ priority }: { priority: Priority }) {
  return (
    <span data-testid="priority-badge" data-priority={priority}>
      <Badge tone={PRIORITY_TONES[priority] ?? "gray"}>
        <span className="sr-only">Priority: </span>
        {PRIORITY_LABELS[priority] ?? priority}
      </Badge>
    </span>
  );
}

const CONFIDENCE_TONES = { low: "amber", medium: "indigo", high: "green" } as const;

export function ConfidenceBadge({ value, label }: { value: number | null; label: ConfidenceLabel | null }) {
  if (label === null && value === null) return null;
  return (
    <span data-testid="assessment-confidence" data-confidence={label ?? undefined}>
      <Badge tone={label ? CONFIDENCE_TONES[label] : "gray"}>
        Confidence: {label ?? "unknown"}
        {value !== null && ` (${value.toFixed(2)})`}
      </Badge>
    </span>
  );
}
