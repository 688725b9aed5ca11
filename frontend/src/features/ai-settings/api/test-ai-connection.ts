import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";

export type ConnectionTest = ResponseBody<"/api/v1/ai/settings/test", "post">;

/** A tiny real request to the saved settings' fast model; may take seconds. */
export function useTestAIConnection() {
  return useMutation({
    mutationFn: () => unwrap(api.POST("/api/v1/ai/settings/test", {})),
  });
}
