/** The signed-in person (GET /api/v1/me), used by the shell, guards and several features. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";
import { useAuth } from "./auth-store";

export type CurrentUser = ResponseBody<"/api/v1/me", "get">;

export const currentUserQuery = queryOptions({
  queryKey: queryKeys.me,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/me", { signal })),
  staleTime: 60_000,
});

export function useCurrentUser() {
  const { status } = useAuth();
  return useQuery({ ...currentUserQuery, enabled: status === "signed-in" });
}
