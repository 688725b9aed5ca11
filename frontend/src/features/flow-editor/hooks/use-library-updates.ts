/**
 * Which linked nodes have a newer library copy: the linked steps are read once each (shared with
 * the node panel's cache), and a node is outdated when its step's revision is ahead of the
 * node's `step_revision`. Deleted or unreadable steps are left to the node panel to explain.
 */
import { useQueries } from "@tanstack/react-query";
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import type { GraphNode } from "@/lib/flow-graph/types";
import type { LibraryStep } from "@/lib/steps";
import { libraryStepQuery } from "../api/get-library-step";
import { useEditor } from "../model/editor-context";
import { isOutdated } from "../model/library-link";

export interface LibraryUpdate {
  node: GraphNode;
  step: LibraryStep;
}

export function useLibraryUpdates(): LibraryUpdate[] {
  const linked = useEditor(useShallow((s) => s.nodes.filter((n) => n.step_id)));
  const ids = useMemo(() => [...new Set(linked.map((n) => n.step_id!))].sort(), [linked]);
  const steps = useQueries({
    queries: ids.map((id) => libraryStepQuery(id)),
    combine: (results) => {
      const byId = new Map<string, LibraryStep>();
      for (const r of results) if (r.data) byId.set(r.data.id, r.data);
      return byId;
    },
  });
  return useMemo(
    () =>
      linked.flatMap((node) => {
        const step = steps.get(node.step_id!);
        return step && isOutdated(node, step) ? [{ node, step }] : [];
      }),
    [linked, steps],
  );
}
