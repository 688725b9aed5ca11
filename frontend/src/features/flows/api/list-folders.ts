import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

export const foldersQuery = queryOptions({
  queryKey: queryKeys.folders.all,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/folders", { signal })),
});

export function useFolders() {
  return useQuery(foldersQuery);
}
