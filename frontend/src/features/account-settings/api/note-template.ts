/**
 * The account's ticket note template: GET (anyone signed in), PUT (team admin+), and a preview of
 * an unsaved template rendered against a sample session (team admin+).
 */
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { queryKeys } from "@/api/query-keys";
import type { RequestBody, ResponseBody } from "@/api/types";

export type NoteTemplate = ResponseBody<"/api/v1/account/note-template", "get">;
export type NoteTemplateInput = RequestBody<"/api/v1/account/note-template", "put">;
export type TemplateSection = NoteTemplate["sections"][number];
export type SectionKey = TemplateSection["key"];

export const noteTemplateQuery = queryOptions({
  queryKey: queryKeys.noteTemplate.saved,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/account/note-template", { signal })),
  staleTime: 60_000,
});

export function useNoteTemplate() {
  return useQuery(noteTemplateQuery);
}

export function useSaveNoteTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NoteTemplateInput) => unwrap(api.PUT("/api/v1/account/note-template", { body })),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.noteTemplate.saved, saved);
      // Every session's documentation is rendered with the template.
      return qc.invalidateQueries({ queryKey: queryKeys.sessions.all });
    },
  });
}

/** Pass the template debounced; `null` (e.g. while it is invalid) keeps the last preview. */
export function useNoteTemplatePreview(template: NoteTemplateInput | null) {
  return useQuery({
    queryKey: queryKeys.noteTemplate.preview(template),
    queryFn: async ({ signal }): Promise<string> =>
      (await unwrap(api.POST("/api/v1/account/note-template/preview", { body: template!, signal }))).markdown,
    enabled: template !== null,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}
