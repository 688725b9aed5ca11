import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { stepKeys } from "@/lib/steps";

export const ratingsQuery = (id: string) =>
  queryOptions({
    queryKey: stepKeys.ratings(id),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/steps/{library_step_id}/ratings", { params: { path: { library_step_id: id } }, signal })),
  });

/** Every rating and review of a step, newest first. */
export function useRatings(id: string) {
  return useQuery(ratingsQuery(id));
}
