/**
 * Query keys of A/B tests. They live under the flow's own key (["flows", "detail", id, …]), so
 * whatever refreshes a flow (a publish, a promotion) refreshes its tests too.
 */
import { queryKeys } from "@/api/query-keys";

export const experimentKeys = {
  ofFlow: (flowId: string) => [...queryKeys.flows.detail(flowId), "experiments"] as const,
  current: (flowId: string) => [...queryKeys.flows.detail(flowId), "experiments", "current"] as const,
  history: (flowId: string) => [...queryKeys.flows.detail(flowId), "experiments", "history"] as const,
};
