import { useQuery } from "@tanstack/react-query";
import { flowQuery } from "./get-flow";

/** The title of a flow named by a subflow node (null while unknown). */
export function useFlowTitle(id: string | null) {
  const q = useQuery({ ...flowQuery(id ?? ""), enabled: Boolean(id), select: (f) => f.title, retry: false });
  return { title: q.data ?? null, missing: q.isError };
}
