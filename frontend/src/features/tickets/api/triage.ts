/** POST /psa/tickets/triage — pasted text → a pre-filled ticket (model or offline rules); creates nothing. */
import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";

export function useTriage() {
  return useMutation({
    mutationFn: (text: string) => unwrap(api.POST("/api/v1/psa/tickets/triage", { body: { text } })),
  });
}
