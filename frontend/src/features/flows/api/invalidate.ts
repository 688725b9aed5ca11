import type { QueryClient } from "@tanstack/react-query";
import { queryKeys } from "@/api/query-keys";

/** After a change to one flow: the lists, facets and folder counts may all have moved. */
export function invalidateFlowLists(qc: QueryClient) {
  return Promise.all([
    qc.invalidateQueries({ queryKey: queryKeys.flows.all }),
    qc.invalidateQueries({ queryKey: queryKeys.folders.all }),
  ]);
}
