import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";

/** After a FlowPilot change: the session (its timeline, and FlowPilot's state under it) and the note. */
export function refreshSession(qc: QueryClient, sessionId: string): Promise<void> {
  void qc.invalidateQueries({ queryKey: queryKeys.sessions.lists, refetchType: "none" });
  return qc.invalidateQueries({ queryKey: queryKeys.sessions.detail(sessionId) });
}
