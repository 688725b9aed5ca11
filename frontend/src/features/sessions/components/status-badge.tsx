import { Badge } from "@/components/ui/badge";
import type { SessionStatus } from "../api/types";

export const STATUS_LABELS: Record<SessionStatus, string> = {
  active: "Active",
  paused: "Paused",
  escalated: "Escalated",
  resolved: "Resolved",
  unresolved: "Not resolved",
  abandoned: "Abandoned",
};

const TONES = { active: "indigo", paused: "amber", escalated: "amber", resolved: "green", unresolved: "red", abandoned: "gray" } as const;

export function StatusBadge({ status }: { status: SessionStatus }) {
  return <Badge tone={TONES[status] ?? "gray"}>{STATUS_LABELS[status] ?? status}</Badge>;
}
