import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type AISettings = ResponseBody<"/api/v1/ai/settings", "get">;
export type AIProvider = NonNullable<AISettings["provider"]>;

export const aiSettingsQuery = queryOptions({
  queryKey: queryKeys.ai.settings,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/ai/settings", { signal })),
  staleTime: 30_000,
});

/** The account's AI settings, what is in effect after inheritance, and this month's spend (team admin+). */
export function useAISettings() {
  return useQuery(aiSettingsQuery);
}
