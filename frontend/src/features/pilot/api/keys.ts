/**
 * Query keys of FlowPilot. The state lives under the session's detail key, so whatever refreshes
 * the session (the live stream, a 409) refreshes FlowPilot's view of it too. The resolution
 * package does not: it can take a model call, so it is fetched only when asked for.
 */
import { queryKeys } from "@/api/query-keys";

export const pilotKeys = {
  state: (sessionId: string) => [...queryKeys.sessions.detail(sessionId), "pilot"] as const,
  resolutionPackage: (sessionId: string) => ["pilot", "resolution-package", sessionId] as const,
};
