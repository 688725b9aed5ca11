import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { Language } from "@/lib/scripts";

/** POST /scripts/draft — a model's draft (linted, never saved) or, offline, the closest scripts. */
export function useDraftScript() {
  return useMutation({
    mutationFn: (body: { description: string; language: Language }) => unwrap(api.POST("/api/v1/scripts/draft", { body })),
  });
}
