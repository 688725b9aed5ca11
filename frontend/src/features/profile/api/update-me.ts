import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type UpdateMeInput = RequestBody<"/api/v1/me", "patch">;

export function useUpdateMe() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeInput) => unwrap(api.PATCH("/api/v1/me", { body })),
    onSuccess: (me) => {
      qc.setQueryData(queryKeys.me, me);
      return qc.invalidateQueries({ queryKey: queryKeys.users.all });
    },
  });
}
