import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";

export const PREVIEW_COUNT = 5;

export const cronPreviewQuery = (cron: string, timezone: string) =>
  queryOptions({
    queryKey: ["maintenance", "cron-preview", cron, timezone] as const,
    queryFn: ({ signal }) =>
      unwrap(api.POST("/api/v1/schedules/preview", { body: { cron, timezone, count: PREVIEW_COUNT }, signal })),
    staleTime: 60_000,
    retry: false,
  });

/** The next runs of a cron in a zone, before it is saved (422 names `cron` or `timezone`). */
export function useCronPreview(cron: string, timezone: string) {
  return useQuery({
    ...cronPreviewQuery(cron, timezone),
    enabled: cron.trim() !== "" && timezone.trim() !== "",
    placeholderData: keepPreviousData,
  });
}
