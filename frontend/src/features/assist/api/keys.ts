/** Query keys of ResolutionAssist (only this feature reads conversations). */
export const assistKeys = {
  all: ["assist"] as const,
  lists: ["assist", "list"] as const,
  list: (q: string) => ["assist", "list", q] as const,
  detail: (id: string) => ["assist", "detail", id] as const,
};
