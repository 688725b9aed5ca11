/**
 * GET /api/v1/home: everything Home shows, in one read. The server decides which sections the
 * caller's role gets (the others are null), so the page renders what came back.
 */
import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/api/client";
import type { ResponseBody } from "@/api/types";

export type Home = ResponseBody<"/api/v1/home", "get">;
export type HomeSessions = NonNullable<Home["sessions"]>;
export type HomeHandoffs = NonNullable<Home["handoffs"]>;
export type HomeMaintenance = NonNullable<Home["maintenance"]>;
export type MyWeek = NonNullable<Home["my_week"]>;
export type TeamHealth = NonNullable<Home["team_health"]>;
export type HealthRow = TeamHealth["rows"][number];
export type HealthFigures = HealthRow["this_week"];
export type HomeProposals = NonNullable<Home["proposals"]>;
export type HomeFlags = NonNullable<Home["step_flags"]>;
export type HomePushes = NonNullable<Home["failed_pushes"]>;
export type HomeJobs = NonNullable<Home["failed_jobs"]>;
export type HomeFlows = NonNullable<Home["flows"]>;

export const homeKeys = { all: ["home"] as const };

export const homeQuery = () =>
  queryOptions({
    queryKey: homeKeys.all,
    queryFn: ({ signal }) => unwrap(api.GET("/api/v1/home", { signal })),
    // Home is where people come back to after acting elsewhere: ask again on the way in (the
    // last answer shows meanwhile) and when the tab regains focus.
    staleTime: 0,
    refetchOnWindowFocus: true,
  });

export function useHome(enabled = true) {
  return useQuery({ ...homeQuery(), enabled });
}
