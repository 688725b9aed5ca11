/** POST /assist/conversations/{id}/session — a session carrying the exchange (idempotent). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import { assistKeys } from "./keys";
import type { ToSessionInput } from "./types";

export function useConversationToSession(conversationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ToSessionInput) =>
      unwrap(
        api.POST("/api/v1/assist/conversations/{conversation_id}/session", {
          params: { path: { conversation_id: conversationId } },
          body,
        }),
      ),
    onSuccess: (session) => {
      qc.setQueryData(queryKeys.sessions.detail(session.id), session);
      void qc.invalidateQueries({ queryKey: assistKeys.detail(conversationId) });
      void qc.invalidateQueries({ queryKey: assistKeys.lists });
      void qc.invalidateQueries({ queryKey: queryKeys.sessions.lists, refetchType: "none" });
    },
  });
}
