import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody } from "@/api/types";

export type ChangePasswordInput = RequestBody<"/api/v1/me/password", "post">;

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordInput) => unwrap(api.POST("/api/v1/me/password", { body })),
  });
}
