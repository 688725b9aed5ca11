import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody, ResponseBody } from "@/api/types";

export type CreateUserInput = RequestBody<"/api/v1/users", "post">;
export type CreatedUser = ResponseBody<"/api/v1/users", "post">;

/** Without a password the server creates an invite (and says whether it emailed it). */
export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserInput) => unwrap(api.POST("/api/v1/users", { body })),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.users.all }),
        qc.invalidateQueries({ queryKey: queryKeys.invites.all }),
      ]),
  });
}
