import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";

/** POST /target-lists/csv-preview — each row's problems and the valid targets; stores nothing. */
export function usePreviewCsv() {
  return useMutation({
    mutationFn: (csv: string) => unwrap(api.POST("/api/v1/target-lists/csv-preview", { body: { csv } })),
  });
}
