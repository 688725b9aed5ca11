/**
 * The path view's figures: how much of a step's traffic stopped there (drop-off), the colour band
 * that shows it, and edge widths by how often a path was taken.
 */
import type { EdgeFigures, NodeFigures } from "../api/types";

export type DropBand = "unreached" | "none" | "low" | "medium" | "high";

/** Runs that left the flow at this step, as a share of the runs that reached it. */
export function dropShare(node: Pick<NodeFigures, "reached" | "dropped">): number | null {
  return node.reached > 0 ? node.dropped / node.reached : null;
}

export function dropBand(node: Pick<NodeFigures, "reached" | "dropped">): DropBand {
  const share = dropShare(node);
  if (share === null) return "unreached";
  if (share === 0) return "none";
  if (share < 0.1) return "low";
  if (share < 0.25) return "medium";
  return "high";
}

export const BAND_LABELS: Record<DropBand, string> = {
  unreached: "Not reached",
  none: "No drop-off",
  low: "Under 10% drop off",
  medium: "10–25% drop off",
  high: "25% or more drop off",
};

/** Ring and chip colours per band (Tailwind classes; the legend uses the same). */
export const BAND_CLASSES: Record<DropBand, { ring: string; swatch: string }> = {
  unreached: { ring: "ring-slate-300 opacity-70", swatch: "bg-slate-200" },
  none: { ring: "ring-emerald-500", swatch: "bg-emerald-500" },
  low: { ring: "ring-lime-500", swatch: "bg-lime-500" },
  medium: { ring: "ring-amber-500", swatch: "bg-amber-500" },
  high: { ring: "ring-red-600", swatch: "bg-red-600" },
};

export function edgeWidth(taken: number, max: number): number {
  if (max <= 0 || taken <= 0) return 1;
  return 1.5 + 4.5 * (taken / max);
}

/** The graph the canvas draws: the current version's steps and the edges between them. */
export function currentGraph(nodes: readonly NodeFigures[], edges: readonly EdgeFigures[]) {
  const shown = nodes.filter((n) => n.in_graph);
  const ids = new Set(shown.map((n) => n.node_id));
  return { nodes: shown, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
