import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type Account = ResponseBody<"/api/v1/account", "get">;

export const accountQuery = queryOptions({
  queryKey: queryKeys.account,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/account", { signal })),
  staleTime: 60_000,
});

export function useAccount() {
  return useQuery(accountQuery);
}
