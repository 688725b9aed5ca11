import { useMutation } from "@tanstack/react-query";
import { api } from "@/api/client";
import { downloadResponse } from "@/lib/download";

/** Downloads every non-archived flow as one zip. */
export function useExportLibrary() {
  return useMutation({
    mutationFn: () => downloadResponse(api.GET("/api/v1/flows/export-library", { parseAs: "blob" }), "flow-library.zip"),
  });
}
