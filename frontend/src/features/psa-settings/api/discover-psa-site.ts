import { useMutation } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { RequestBody, ResponseBody } from "@/api/types";

export type DiscoverInput = RequestBody<"/api/v1/integrations/psa/discover", "post">;
export type DiscoverResult = ResponseBody<"/api/v1/integrations/psa/discover", "post">;

/** ConnectWise: the API base URL for a site and company id. */
export function useDiscoverPsaSite() {
  return useMutation({
    mutationFn: (body: DiscoverInput) => unwrap(api.POST("/api/v1/integrations/psa/discover", { body })),
  });
}
