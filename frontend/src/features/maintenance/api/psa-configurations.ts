import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";

/**
 * GET /target-lists/psa-configurations?company_id= — a company's active configurations in the
 * connected PSA as candidate targets; stores nothing (409 when the PSA can't list them).
 */
export function usePsaConfigurations() {
  return useMutation({
    mutationFn: (companyId: string) =>
      unwrap(api.GET("/api/v1/target-lists/psa-configurations", { params: { query: { company_id: companyId } } })),
  });
}
