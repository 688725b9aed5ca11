import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { scriptKeys } from "@/lib/scripts";

export const scriptQuery = (id: string) =>
  queryOptions({
    queryKey: scriptKeys.detail(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/scripts/{script_id}", { params: { path: { script_id: id } }, signal })),
  });

export function useScript(id: string) {
  return useQuery(scriptQuery(id));
}
