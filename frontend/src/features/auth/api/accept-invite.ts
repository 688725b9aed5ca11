import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody } from "@/api/types";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

export type AcceptInviteInput = RequestBody<"/api/v1/auth/invites/{token}/accept", "post">;

/** Accepting an invite signs the new person in (the response is a login response). */
export function useAcceptInvite(token: string) {
  return useMutation({
    mutationFn: (body: AcceptInviteInput) =>
      unwrap(api.POST("/api/v1/auth/invites/{token}/accept", { params: { path: { token } }, body })),
    onSuccess: (data) => {
      queryClient.clear();
      authStore.signIn(data.access_token);
    },
  });
}
