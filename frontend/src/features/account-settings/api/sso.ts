/** GET/PUT/DELETE /account/sso — the account's OpenID Provider (the client secret is write-only). */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody, ResponseBody } from "@/api/types";
import { securityKey } from "./security";

export type SsoConfig = ResponseBody<"/api/v1/account/sso", "get">;
export type SsoInput = RequestBody<"/api/v1/account/sso", "put">;

export const ssoKey = ["account", "sso"] as const;

export const ssoQuery = queryOptions({
  queryKey: ssoKey,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/account/sso", { signal })),
});

export function useSso() {
  return useQuery(ssoQuery);
}

export function useSaveSso() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SsoInput) => unwrap(api.PUT("/api/v1/account/sso", { body })),
    onSuccess: (saved) => qc.setQueryData(ssoKey, saved),
  });
}

export function useDeleteSso() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE("/api/v1/account/sso", {})),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ssoKey });
      // Turning SSO off turns "required" off too.
      void qc.invalidateQueries({ queryKey: securityKey });
    },
  });
}
