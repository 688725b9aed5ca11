/** POST /assist/conversations — a new, empty conversation (the first question names it). */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { assistKeys } from "./keys";

export function useCreateConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (title?: string) => unwrap(api.POST("/api/v1/assist/conversations", { body: { title: title ?? "" } })),
    onSuccess: (created) => {
      qc.setQueryData(assistKeys.detail(created.id), created);
      void qc.invalidateQueries({ queryKey: assistKeys.lists });
    },
  });
}
