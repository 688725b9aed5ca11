/** GET /shares/{token}/documentation — the shared session's redacted note, as Markdown text. */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { ApiError, parseProblem } from "@/lib/problem";

type TextResult = { data?: string; error?: unknown; response: Response };

async function unwrapText(promise: Promise<TextResult>): Promise<string> {
  const { data, error, response } = await promise;
  if (!response.ok) {
    let body: unknown = error;
    if (typeof error === "string") {
      try {
        body = JSON.parse(error);
      } catch {
        // plain text stays as it is
      }
    }
    throw new ApiError(parseProblem(response, body));
  }
  return data ?? "";
}

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
