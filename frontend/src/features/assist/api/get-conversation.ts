/** GET /assist/conversations/{id} — one conversation with its messages. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { assistKeys } from "./keys";

export const conversationQuery = (id: string) =>
  queryOptions({
    queryKey: assistKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/assist/conversations/{conversation_id}", { params: { path: { conversation_id: id } }, signal })),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });

export function useConversation(id: string | undefined) {
  return useQuery({ ...conversationQuery(id ?? ""), enabled: Boolean(id) });
}
