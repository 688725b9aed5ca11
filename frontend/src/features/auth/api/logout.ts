import { useMutation } from "@tanstack/react-query";
import { api, endSession } from "@/api/client";

/** Revokes the refresh token family server-side, then forgets everything locally. */
export function useLogout() {
  return useMutation({
    mutationFn: async () => {
      // Best effort: even if the server is unreachable, the person is signed out here.
      await api.POST("/api/v1/auth/logout").catch(() => undefined);
    },
    onSettled: () => endSession("signed-out"),
  });
}
