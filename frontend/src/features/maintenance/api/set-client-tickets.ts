import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";

/**
 * PUT /maintenance/batches/{id}/client-tickets {client: ticket} — the whole map: where each
 * client's PSA note goes on completion (a blank ticket: no note). 409 once the batch finished.
 */
export function useSetClientTickets(batchId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tickets: Record<string, string>) =>
      unwrap(api.PUT("/api/v1/maintenance/batches/{batch_id}/client-tickets", { params: { path: { batch_id: batchId } }, body: tickets })),
    onSuccess: (batch) => qc.setQueryData(queryKeys.maintenance.batch(batchId), batch),
  });
}
