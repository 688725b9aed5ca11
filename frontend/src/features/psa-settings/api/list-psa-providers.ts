import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";
import { psaKeys } from "./keys";

export type PsaProviderInfo = ResponseBody<"/api/v1/integrations/psa/providers", "get">[number];
export type PsaProviderName = PsaProviderInfo["name"];
export type PsaField = PsaProviderInfo["fields"][number];

export const psaProvidersQuery = queryOptions({
  queryKey: psaKeys.providers,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/integrations/psa/providers", { signal })),
  // The list only changes with a deploy.
  staleTime: 10 * 60_000,
});

/** Each PSA's settings form (its fields, which are secret) and what it can do. */
export function usePsaProviders() {
  return useQuery(psaProvidersQuery);
}
