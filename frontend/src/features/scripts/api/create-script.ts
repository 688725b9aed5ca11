import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { type Script, type ScriptCreate, scriptKeys } from "@/lib/scripts";

/** POST /scripts — a 422 names each problem (placeholder, parameter, default …). */
export function useCreateScript() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ScriptCreate) => unwrap(api.POST("/api/v1/scripts", { body })),
    onSuccess: (script: Script) => {
      qc.setQueryData(scriptKeys.detail(script.id), script);
      void qc.invalidateQueries({ queryKey: scriptKeys.lists });
    },
  });
}
