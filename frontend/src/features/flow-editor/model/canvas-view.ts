/**
 * What the canvas tells React Flow up front so a big flow's first paint draws only what is on
 * screen: a size and handle guess for nodes it has not measured yet, and the fitted viewport
 * computed from the stored positions (instead of fitting after every node was measured).
 *
 * Without the guesses React Flow renders every unmeasured node (500 of them) just to measure
 * them, even with `onlyRenderVisibleElements`; with them it culls before measuring, and measures
 * each node when it first comes into view. The guesses are dropped once a node is measured, so
 * the real handle positions win from then on.
 */
import { getViewportForBounds, type Node, Position, type Viewport } from "@xyflow/react";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/flow-graph/layout";
import type { FlowRFNode } from "@/lib/flow-graph/react-flow";

/** The fitted view: the same framing as `fitView` with these options. */
export const FIT_PADDING = 0.2;
export const FIT_MAX_ZOOM = 1.25;
export const MIN_ZOOM = 0.1;
export const MAX_ZOOM = 2;

// The card's handles: 10 px, centred on the top (target) and bottom (source) edges.
const HANDLE = 10;
type HandleGuess = NonNullable<Node["handles"]>[number];
const TARGET: HandleGuess = { id: null, type: "target", position: Position.Top, x: NODE_WIDTH / 2 - HANDLE / 2, y: -HANDLE / 2, width: HANDLE, height: HANDLE };
const SOURCE: HandleGuess = { id: null, type: "source", position: Position.Bottom, x: NODE_WIDTH / 2 - HANDLE / 2, y: NODE_HEIGHT - HANDLE / 2, width: HANDLE, height: HANDLE };
const HANDLES_WITH_SOURCE = [TARGET, SOURCE];
const HANDLES_TARGET_ONLY = [TARGET];

/** A node React Flow has not measured: with the size and handles it will most likely have. */
export function withSizeGuess(n: FlowRFNode): FlowRFNode {
  return {
    ...n,
    initialWidth: NODE_WIDTH,
    initialHeight: NODE_HEIGHT,
    // Resolutions have no way out (see flow-node.tsx).
    handles: n.data.node.type === "resolution" ? HANDLES_TARGET_ONLY : HANDLES_WITH_SOURCE,
  };
}

/** A measured node: React Flow keeps the handle bounds it measured only when `handles` is absent. */
export function withMeasured(n: FlowRFNode, measured: { width: number; height: number }): FlowRFNode {
  const { handles: _guess, ...rest } = n;
  return { ...rest, measured };
}

/** Drops the handle guess from nodes React Flow has measured since (after `applyNodeChanges`). */
export function dropMeasuredGuesses(nodes: FlowRFNode[]): FlowRFNode[] {
  let changed = false;
  const out = nodes.map((n) => {
    if (!n.handles || n.measured?.width === undefined) return n;
    changed = true;
    const { handles: _guess, ...rest } = n;
    return rest;
  });
  return changed ? out : nodes;
}

/** The viewport `fitView` would pick for these nodes in a pane of this size (null: nothing to fit). */
export function fittedViewport(nodes: readonly Node[], width: number, height: number): Viewport | null {
  if (nodes.length === 0 || width <= 0 || height <= 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const n of nodes) {
    const w = n.measured?.width ?? n.width ?? n.initialWidth ?? NODE_WIDTH;
    const h = n.measured?.height ?? n.height ?? n.initialHeight ?? NODE_HEIGHT;
    x0 = Math.min(x0, n.position.x);
    y0 = Math.min(y0, n.position.y);
    x1 = Math.max(x1, n.position.x + w);
    y1 = Math.max(y1, n.position.y + h);
  }
  return getViewportForBounds({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, width, height, MIN_ZOOM, FIT_MAX_ZOOM, FIT_PADDING);
}
