import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type ApiToken = ItemOf<ResponseBody<"/api/v1/me/tokens", "get">>;

export const tokensQuery = queryOptions({
  queryKey: queryKeys.tokens,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/me/tokens", { signal })),
});

export function useTokens() {
  return useQuery(tokensQuery);
}
