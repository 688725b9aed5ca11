import { Badge } from "@/components/ui/badge";
import type { SessionOutcome, SessionStatus } from "../api/types";

export const STATUS_LABELS: Record<SessionStatus, string> = {
  active: "Active",
  paused: "Paused",
  escalated: "Escalated",
  resolved: "Resolved",
  unresolved: "Not resolved",
  abandoned: "Abandoned",
};

const TONES = { active: "indigo", paused: "amber", escalated: "amber", resolved: "green", unresolved: "red", abandoned: "gray" } as const;

/** A workaround is a resolved session whose outcome says the cause is still there. */
export function StatusBadge({ status, outcome }: { status: SessionStatus; outcome?: SessionOutcome | null }) {
  if (status === "resolved" && outcome === "workaround") return <Badge tone="amber">Workaround</Badge>;
  return <Badge tone={TONES[status] ?? "gray"}>{STATUS_LABELS[status] ?? status}</Badge>;
}
