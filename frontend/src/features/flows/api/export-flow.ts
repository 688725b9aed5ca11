import { useMutation } from "@tanstack/react-query";
import { api } from "@/api/client";
import { downloadResponse } from "@/lib/download";

/** Downloads one flow as `<slug>.rfflow.json` (the draft, or a published version). */
export function useExportFlow() {
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version?: number }) =>
      downloadResponse(
        api.GET("/api/v1/flows/{flow_id}/export", {
          params: { path: { flow_id: id }, query: version ? { version } : {} },
          parseAs: "blob",
        }),
        "flow.rfflow.json",
      ),
  });
}
