import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";

/** Ends every sign-in of a person (their API tokens stay). */
export function useSignOutEverywhere() {
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(
        api.POST("/api/v1/users/{user_id}/sign-out-everywhere", { params: { path: { user_id: id } }, body: {} }),
      ),
  });
}
