import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ItemOf, ResponseBody } from "@/api/types";

export type User = ItemOf<ResponseBody<"/api/v1/users", "get">>;

export interface UsersFilter {
  q?: string;
  includeInactive?: boolean;
}

export const USERS_PAGE_SIZE = 200;

export const usersQuery = ({ q = "", includeInactive = false }: UsersFilter = {}) =>
  queryOptions({
    queryKey: queryKeys.users.list({ q, includeInactive }),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/users", {
          params: { query: { q: q || undefined, include_inactive: includeInactive, limit: USERS_PAGE_SIZE } },
          signal,
        }),
      ),
  });

export function useUsers(filter: UsersFilter = {}, options: { enabled?: boolean } = {}) {
  return useQuery({ ...usersQuery(filter), placeholderData: keepPreviousData, enabled: options.enabled ?? true });
}
