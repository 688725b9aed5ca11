import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody, ResponseBody } from "@/api/types";

export type CreateAccountInput = RequestBody<"/api/v1/accounts", "post">;
export type CreatedAccount = ResponseBody<"/api/v1/accounts", "post">;

export function useCreateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccountInput) => unwrap(api.POST("/api/v1/accounts", { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.accounts.all }),
  });
}
