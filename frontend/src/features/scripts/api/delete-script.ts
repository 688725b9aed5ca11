import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { scriptKeys } from "@/lib/scripts";

export function useDeleteScript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE("/api/v1/scripts/{script_id}", { params: { path: { script_id: id } } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: scriptKeys.lists }),
  });
}
