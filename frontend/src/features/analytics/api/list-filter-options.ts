/**
 * What the team and engineer filters offer (team admins only: an engineer's figures are always
 * their own). Teams from GET /teams; people searched by name or email through GET /users?q=
 * (a page at a time, so accounts of any size work), and the chosen person by id.
 */
import { keepPreviousData, queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import { analyticsKeys } from "./keys";

/** How many people one search shows: type more to narrow it. */
export const PEOPLE_PAGE = 20;

export interface PersonOption {
  id: string;
  name: string;
  email: string;
}

export const teamsOptionsQuery = queryOptions({
  queryKey: analyticsKeys.teams,
  queryFn: ({ signal }) => unwrap(api.GET("/api/v1/teams", { signal })),
  staleTime: 5 * 60_000,
  select: (page) => page.items.map((t) => ({ id: t.id, name: t.name })),
});

export const peopleSearchQuery = (q: string) =>
  queryOptions({
    queryKey: analyticsKeys.people(q),
    queryFn: ({ signal }) =>
      unwrap(api.GET("/api/v1/users", { params: { query: { q: q || undefined, limit: PEOPLE_PAGE } }, signal })),
    staleTime: 60_000,
    // Viewers run no sessions: they are not offered as engineers.
    select: (page): { people: PersonOption[]; more: boolean } => ({
      people: page.items.filter((u) => u.role !== "viewer").map((u) => ({ id: u.id, name: u.name, email: u.email })),
      more: Boolean(page.next_cursor),
    }),
  });

export const personQuery = (id: string) =>
  queryOptions({
    queryKey: analyticsKeys.person(id),
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/users/{user_id}", { params: { path: { user_id: id } }, signal })),
    staleTime: 5 * 60_000,
    retry: false,
    select: (u): PersonOption => ({ id: u.id, name: u.name, email: u.email }),
  });

export function useTeamOptions(enabled: boolean) {
  return useQuery({ ...teamsOptionsQuery, enabled });
}

/** GET /users?q= — people whose name or email contains the text (the first PEOPLE_PAGE). */
export function usePeopleSearch(q: string, enabled: boolean) {
  return useQuery({ ...peopleSearchQuery(q), enabled, placeholderData: keepPreviousData });
}

/** GET /users/{id} — the chosen engineer's name (a shared link carries only the id). */
export function usePerson(id: string | undefined) {
  return useQuery({ ...personQuery(id ?? ""), enabled: Boolean(id) });
}
