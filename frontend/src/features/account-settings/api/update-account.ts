import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody } from "@/api/types";

export type UpdateAccountInput = RequestBody<"/api/v1/account", "patch">;

/** Rename the account or change its publishing policy (team admin+). */
export function useUpdateAccount() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccountInput) => unwrap(api.PATCH("/api/v1/account", { body })),
    onSuccess: (account) => {
      qc.setQueryData(queryKeys.account, account);
      return Promise.all([
        qc.invalidateQueries({ queryKey: queryKeys.account }),
        // The header (and profile/home) show `account_name` from GET /me.
        qc.invalidateQueries({ queryKey: queryKeys.me, exact: true }),
      ]);
    },
  });
}
