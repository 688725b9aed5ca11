import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { CreateSessionInput } from "./types";

export function useCreateSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateSessionInput) => unwrap(api.POST("/api/v1/sessions", { body })),
    onSuccess: (session) => {
      // The runner opens from the cache, without a second round trip.
      qc.setQueryData(queryKeys.sessions.detail(session.id), session);
      return qc.invalidateQueries({ queryKey: queryKeys.sessions.lists });
    },
  });
}
