import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";
import { type PsaScope, psaKeys, teamQuery } from "./keys";

export type PsaSettings = ResponseBody<"/api/v1/integrations/psa", "get">;
export type NoteType = PsaSettings["resolve_note_type"];

export const psaSettingsQuery = (teamId: PsaScope) =>
  queryOptions({
    queryKey: psaKeys.settings(teamId),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/integrations/psa", { params: { query: teamQuery(teamId) }, signal })),
    staleTime: 30_000,
  });

/** The connection for a team (or the account default) without its secrets; `inherited` when a team has none of its own. */
export function usePsaSettings(teamId: PsaScope) {
  return useQuery(psaSettingsQuery(teamId));
}
