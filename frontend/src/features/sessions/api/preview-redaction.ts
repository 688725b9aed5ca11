/** POST /redaction/preview — what the account's redaction rules would take out of a text. */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";

export type RedactionPreview = ResponseBody<"/api/v1/redaction/preview", "post">;
/** The response plus the text it describes (its offsets only make sense against that text). */
export type CheckedText = RedactionPreview & { text: string };

export const redactionPreviewQuery = (text: string) =>
  queryOptions({
    queryKey: ["redaction-preview", text] as const,
    queryFn: async ({ signal }): Promise<CheckedText> => ({
      ...(await unwrap(api.POST("/api/v1/redaction/preview", { body: { text }, signal }))),
      text,
    }),
    staleTime: 5 * 60_000,
    gcTime: 60_000,
    // Advisory only: a failed check must not nag or retry.
    retry: false,
  });

/** Checks `text` (pass it debounced); keeps the last result while the next one loads. */
export function useRedactionPreview(text: string) {
  return useQuery({ ...redactionPreviewQuery(text), enabled: text.trim() !== "", placeholderData: keepPreviousData });
}
