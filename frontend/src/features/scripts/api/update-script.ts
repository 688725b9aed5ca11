import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type Script, type ScriptUpdate, scriptKeys } from "@/lib/scripts";

/** PUT /scripts/{id} with the revision edited — a 409 when someone changed it meanwhile. */
export function useUpdateScript(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScriptUpdate) => unwrap(api.PUT("/api/v1/scripts/{script_id}", { params: { path: { script_id: id } }, body })),
    onSuccess: (script: Script) => {
      qc.setQueryData(scriptKeys.detail(script.id), script);
      void qc.invalidateQueries({ queryKey: scriptKeys.lists });
    },
  });
}
