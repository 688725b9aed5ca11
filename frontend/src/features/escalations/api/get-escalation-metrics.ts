/** GET /escalations/metrics?days=… — pickup times, escalation rates and the assessment's accuracy (team admin+). */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { ResponseBody } from "@/api/types";

export type EscalationMetrics = ResponseBody<"/api/v1/escalations/metrics", "get">;
export type RateRow = EscalationMetrics["per_flow"][number];
export type CalibrationBucket = EscalationMetrics["calibration"][number];

export const METRIC_PERIODS = [30, 90] as const;
export type MetricPeriod = (typeof METRIC_PERIODS)[number];

export const escalationMetricsQuery = (days: MetricPeriod) =>
  queryOptions({
    queryKey: queryKeys.handoffs.metrics(days),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/escalations/metrics", { params: { query: { days } }, signal })),
    staleTime: 60_000,
  });

export function useEscalationMetrics(days: MetricPeriod, enabled = true) {
  return useQuery({ ...escalationMetricsQuery(days), enabled, placeholderData: keepPreviousData });
}
