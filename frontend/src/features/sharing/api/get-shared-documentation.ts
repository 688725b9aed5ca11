/** GET /shares/{token}/documentation — the shared session's redacted note, as Markdown text. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { type TextResult, unwrapText } from "@/lib/text-response";

export const sharedDocumentationQuery = (token: string) =>
  queryOptions({
    queryKey: ["shared-session", token, "documentation"] as const,
    queryFn: ({ signal }) =>
      unwrapText(
        api.GET("/api/v1/shares/{token}/documentation", {
          params: { path: { token }, query: { format: "markdown" } },
          parseAs: "text",
          signal,
        }) as Promise<TextResult>,
      ),
    refetchOnWindowFocus: false,
  });

export function useSharedDocumentation(token: string, enabled: boolean) {
  return useQuery({ ...sharedDocumentationQuery(token), enabled });
}
