/** Published maintenance and procedural flows: what a batch or a schedule can run. */
import { useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { FlowOption } from "./types";

const LIMIT = 100;

async function runnableFlows(signal: AbortSignal): Promise<FlowOption[]> {
  const [maintenance, procedural] = await Promise.all(
    (["maintenance", "procedural"] as const).map((kind) =>
      unwrap(api.GET("/api/v1/flows", { params: { query: { kind, limit: LIMIT, sort: "updated" } }, signal })),
    ),
  );
  const byId = new Map([...maintenance!.items, ...procedural!.items].map((f) => [f.id, f]));
  return [...byId.values()].filter((f) => f.latest_version != null && !f.archived);
}

export function useRunnableFlows() {
  return useQuery({
    queryKey: queryKeys.flows.list({ runnable: "maintenance" }),
    queryFn: ({ signal }) => runnableFlows(signal),
    staleTime: 60_000,
  });
}
