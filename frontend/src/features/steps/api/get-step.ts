import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

export const stepQuery = (id: string) =>
  queryOptions({
    queryKey: stepKeys.detail(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/steps/{library_step_id}", { params: { path: { library_step_id: id } }, signal })),
  });

export function useStep(id: string) {
  return useQuery(stepQuery(id));
}
