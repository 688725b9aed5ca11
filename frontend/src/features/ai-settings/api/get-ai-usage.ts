import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type AIUsage = ResponseBody<"/api/v1/ai/usage", "get">;
export type UsageRow = AIUsage["rows"][number];

export type UsageRange = {
  /** YYYY-MM-DD; empty lets the server pick (the last 30 days). */
  since: string;
  until: string;
};

export const aiUsageQuery = (range: UsageRange) =>
  queryOptions({
    queryKey: queryKeys.ai.usage(range),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET("/api/v1/ai/usage", {
          params: { query: { since: range.since || undefined, until: range.until || undefined } },
          signal,
        }),
      ),
    staleTime: 30_000,
  });

/** Calls, tokens and estimated cost per day, provider, model and action (both days included). */
export function useAIUsage(range: UsageRange, enabled = true) {
  return useQuery({ ...aiUsageQuery(range), enabled, placeholderData: keepPreviousData });
}
