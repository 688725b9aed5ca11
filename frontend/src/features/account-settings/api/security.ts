/** GET/PUT /account/security — sign-in timeouts (idle minutes, absolute hours; null = default). */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody, ResponseBody } from "@/api/types";

export type Security = ResponseBody<"/api/v1/account/security", "get">;
export type SecurityInput = RequestBody<"/api/v1/account/security", "put">;

export const securityKey = ["account", "security"] as const;

export const securityQuery = queryOptions({
  queryKey: securityKey,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/account/security", { signal })),
});

export function useSecurity() {
  return useQuery(securityQuery);
}

export function useSaveSecurity() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SecurityInput) => unwrap(api.PUT("/api/v1/account/security", { body })),
    onSuccess: (saved) => qc.setQueryData(securityKey, saved),
  });
}
