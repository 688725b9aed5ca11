import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody } from "@/api/types";
import { authStore } from "@/lib/auth-store";
import { queryClient } from "@/lib/query-client";

export type LoginInput = RequestBody<"/api/v1/auth/login", "post">;

export function useLogin() {
  return useMutation({
    mutationFn: (body: LoginInput) => unwrap(api.POST("/api/v1/auth/login", { body })),
    onSuccess: (data) => {
      queryClient.clear();
      authStore.signIn(data.access_token);
    },
  });
}
