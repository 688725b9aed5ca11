import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type Account = ItemOf<ResponseBody<"/api/v1/accounts", "get">>;

export const accountsQuery = queryOptions({
  queryKey: queryKeys.accounts.all,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/accounts", { signal })),
});

export function useAccounts() {
  return useQuery(accountsQuery);
}
