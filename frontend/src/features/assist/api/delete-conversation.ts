/** DELETE /assist/conversations/{id}. */
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/api/client";
import { ApiError, parseProblem } from "@/lib/problem";
import { assistKeys } from "./keys";

export function useDeleteConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (id: string) => {
      const { error, response } = await api.DELETE("/api/v1/assist/conversations/{conversation_id}", {
        params: { path: { conversation_id: id } },
      });
      if (!response.ok) throw new ApiError(parseProblem(response, error));
    },
    onSuccess: (_data, id) => {
      qc.removeQueries({ queryKey: assistKeys.detail(id) });
      void qc.invalidateQueries({ queryKey: assistKeys.lists });
    },
  });
}
