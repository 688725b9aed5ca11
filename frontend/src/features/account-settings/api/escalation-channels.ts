/**
 * Slack and Teams incoming webhooks for escalation notices (team admin+). The URLs are secrets:
 * the server stores them encrypted and only ever says whether each is set.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody, ResponseBody } from "@/api/types";

export type EscalationChannels = ResponseBody<"/api/v1/account/escalation-channels", "get">;
export type EscalationChannelsInput = RequestBody<"/api/v1/account/escalation-channels", "put">;
export type ChannelTestResult = ResponseBody<"/api/v1/account/escalation-channels/test", "post">;

export const escalationChannelsQuery = queryOptions({
  queryKey: queryKeys.escalationChannels,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/account/escalation-channels", { signal })),
  staleTime: 60_000,
});

export function useEscalationChannels() {
  return useQuery(escalationChannelsQuery);
}

/** PUT only what changed: an omitted URL keeps the saved one, "" removes it. */
export function useSaveEscalationChannels() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: EscalationChannelsInput) => unwrap(api.PUT("/api/v1/account/escalation-channels", { body })),
    onSuccess: (saved) => qc.setQueryData(queryKeys.escalationChannels, saved),
  });
}

/** Sends a test notice to each saved webhook; reports failures by kind (never the URLs). */
export function useTestEscalationChannels() {
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/account/escalation-channels/test", {})),
  });
}
