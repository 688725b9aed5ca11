/**
 * The editor's state: the draft graph (undoable, via zundo) plus selection, validation problems
 * and diff highlights (not undoable). One store per open editor, handed down by context.
 *
 * Undo granularity: each action is one step; typing into a field is folded into one step per
 * field while the person keeps typing (see `coalesce`), and a node drag is one step (positions
 * are committed on drag end, not on every frame).
 */
import { temporal } from "zundo";
import { createStore } from "zustand/vanilla";
import { edgeIdFor, newNode, nextNodeId } from "@/lib/flow-graph/convert";
import type { EditorGraph, FlowMeta, GraphEdge, GraphNode, GraphProblem, NodeType, Position } from "@/lib/flow-graph/types";
import { type ClipboardData, pasteClipboard } from "./clipboard";
import { insertIntoOrder, linearise, rewireOrder } from "./outline";

export interface TrackedState {
  meta: FlowMeta;
  start: string | null;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface DiffHighlight {
  added: ReadonlySet<string>;
  changed: ReadonlySet<string>;
  /** Edges by `source\u0000target`. */
  edgesAdded: ReadonlySet<string>;
  edgesChanged: ReadonlySet<string>;
}

export interface EditorState extends TrackedState {
  selectedNodeIds: string[];
  selectedEdgeIds: string[];
  problems: GraphProblem[];
  diff: DiffHighlight | null;
  /** Bumped when the canvas should fit the view (load, auto-layout). */
  fitRequest: number;
  /** A node the canvas should centre on (seq makes repeated requests distinct). */
  focusRequest: { nodeId: string; seq: number } | null;

  load(graph: EditorGraph): void;
  /** `fields`: what else the node starts with (a library step's body and link). */
  addNode(type: NodeType, position: Position | null, title?: string, fields?: NodeFields): string;
  updateNode(id: string, patch: Partial<Omit<GraphNode, "id">>, coalesceKey?: string): void;
  changeNodeType(id: string, type: NodeType): void;
  moveNodes(positions: ReadonlyMap<string, Position>): void;
  connect(source: string, target: string, label?: string): string | null;
  updateEdge(id: string, patch: Partial<Pick<GraphEdge, "label" | "target">>, coalesceKey?: string): void;
  deleteSelection(): void;
  deleteNodes(ids: readonly string[]): void;
  deleteEdges(ids: readonly string[]): void;
  setStart(id: string): void;
  setMeta(patch: Partial<FlowMeta>, coalesceKey?: string): void;
  /**
   * Replaces the whole graph with one read from code-mode text (one undo step; applies with the
   * same `coalesceKey` in quick succession fold into one). Nothing happens when nothing changed.
   */
  replaceGraph(graph: EditorGraph, coalesceKey?: string): void;
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  applyLayout(positions: ReadonlyMap<string, Position>): void;
  /** Gives nodes without a position one, without an undo step (it is not the person's edit). */
  placeUnpositioned(positions: ReadonlyMap<string, Position>): void;
  paste(data: ClipboardData, offset: Position): string[];
  reorderSteps(order: readonly string[]): void;
  insertStep(afterId: string | null, type: NodeType, title?: string, fields?: NodeFields): string;
  removeStep(id: string): void;
  setProblems(problems: GraphProblem[]): void;
  setDiff(diff: DiffHighlight | null): void;
  focusNode(id: string): void;
  undo(): void;
  redo(): void;
}

/** A new node's content besides its id, type, title and position. */
export type NodeFields = Partial<Omit<GraphNode, "id" | "type" | "title" | "position">>;

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function trackedOf(s: TrackedState): TrackedState {
  return { meta: s.meta, start: s.start, nodes: s.nodes, edges: s.edges };
}

export function graphOf(s: TrackedState): EditorGraph {
  return { meta: s.meta, start: s.start, nodes: s.nodes, edges: s.edges };
}

const COALESCE_MS = 1200;

export function createEditorStore(initial: EditorGraph) {
  let lastCoalesce: { key: string; at: number } | null = null;

  const store = createStore<EditorState>()(
    temporal(
      (set, get) => {
        /** Applies a tracked change; consecutive changes with the same key become one undo step. */
        const commit = (update: Partial<EditorState>, coalesceKey?: string) => {
          const now = Date.now();
          const t = store.temporal.getState();
          const fold = coalesceKey !== undefined && lastCoalesce?.key === coalesceKey && now - lastCoalesce.at < COALESCE_MS;
          lastCoalesce = coalesceKey !== undefined ? { key: coalesceKey, at: now } : null;
          if (fold) {
            t.pause();
            set(update);
            t.resume();
          } else {
            set(update);
          }
        };
        const takenIds = () => new Set(get().nodes.map((n) => n.id));
        /** After undo/redo the selection may name nodes or edges that are gone. */
        const pruneSelection = () => {
          const s = get();
          const nodeIds = new Set(s.nodes.map((n) => n.id));
          const edgeIds = new Set(s.edges.map((e) => e.id));
          const nodes = s.selectedNodeIds.filter((id) => nodeIds.has(id));
          const edges = s.selectedEdgeIds.filter((id) => edgeIds.has(id));
          if (nodes.length !== s.selectedNodeIds.length || edges.length !== s.selectedEdgeIds.length) {
            set({ selectedNodeIds: nodes, selectedEdgeIds: edges });
          }
        };

        return {
          ...initial,
          selectedNodeIds: [],
          selectedEdgeIds: [],
          problems: [],
          diff: null,
          fitRequest: 0,
          focusRequest: null,

          load(graph) {
            lastCoalesce = null;
            set({ ...graph, selectedNodeIds: [], selectedEdgeIds: [], diff: null, fitRequest: get().fitRequest + 1 });
            store.temporal.getState().clear();
          },

          addNode(type, position, title, fields) {
            const id = nextNodeId(type, takenIds());
            const node = { ...newNode(id, type, title ?? "", position), ...fields };
            const s = get();
            commit({
              nodes: [...s.nodes, node],
              start: s.start && s.nodes.some((n) => n.id === s.start) ? s.start : id,
              selectedNodeIds: [id],
              selectedEdgeIds: [],
            });
            return id;
          },

          updateNode(id, patch, coalesceKey) {
            const s = get();
            let changed = false;
            const nodes = s.nodes.map((n) => {
              if (n.id !== id) return n;
              changed = true;
              return { ...n, ...patch };
            });
            if (changed) commit({ nodes }, coalesceKey ? `node:${id}:${coalesceKey}` : undefined);
          },

          changeNodeType(id, type) {
            const s = get();
            const nodes = s.nodes.map((n) => (n.id === id && n.type !== type ? { ...n, type } : n));
            if (!sameList(nodes, s.nodes)) commit({ nodes });
          },

          moveNodes(positions) {
            const s = get();
            let changed = false;
            const nodes = s.nodes.map((n) => {
              const p = positions.get(n.id);
              if (!p || (n.position && n.position.x === p.x && n.position.y === p.y)) return n;
              changed = true;
              return { ...n, position: { x: p.x, y: p.y } };
            });
            if (changed) commit({ nodes });
          },

          connect(source, target, label = "") {
            const s = get();
            if (source === target) return null;
            if (!s.nodes.some((n) => n.id === source) || !s.nodes.some((n) => n.id === target)) return null;
            if (s.edges.some((e) => e.source === source && e.target === target)) return null;
            const id = edgeIdFor(source, target, new Set(s.edges.map((e) => e.id)));
            commit({ edges: [...s.edges, { id, source, target, label }] });
            return id;
          },

          updateEdge(id, patch, coalesceKey) {
            const s = get();
            const edges = s.edges.map((e) => (e.id === id ? { ...e, ...patch } : e));
            if (!sameList(edges, s.edges)) commit({ edges }, coalesceKey ? `edge:${id}:${coalesceKey}` : undefined);
          },

          deleteSelection() {
            const s = get();
            if (s.selectedNodeIds.length === 0 && s.selectedEdgeIds.length === 0) return;
            const goneNodes = new Set(s.selectedNodeIds);
            const goneEdges = new Set(s.selectedEdgeIds);
            const nodes = s.nodes.filter((n) => !goneNodes.has(n.id));
            const edges = s.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target));
            commit({
              nodes,
              edges,
              start: s.start && goneNodes.has(s.start) ? null : s.start,
              selectedNodeIds: [],
              selectedEdgeIds: [],
            });
          },

          deleteNodes(ids) {
            const gone = new Set(ids);
            const s = get();
            commit({
              nodes: s.nodes.filter((n) => !gone.has(n.id)),
              edges: s.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
              start: s.start && gone.has(s.start) ? null : s.start,
              selectedNodeIds: s.selectedNodeIds.filter((id) => !gone.has(id)),
            });
          },

          deleteEdges(ids) {
            const gone = new Set(ids);
            const s = get();
            commit({
              edges: s.edges.filter((e) => !gone.has(e.id)),
              selectedEdgeIds: s.selectedEdgeIds.filter((id) => !gone.has(id)),
            });
          },

          setStart(id) {
            if (get().start !== id) commit({ start: id });
          },

          setMeta(patch, coalesceKey) {
            commit({ meta: { ...get().meta, ...patch } }, coalesceKey ? `meta:${coalesceKey}` : undefined);
          },

          replaceGraph(graph, coalesceKey) {
            const s = get();
            if (graph.meta === s.meta && graph.start === s.start && graph.nodes === s.nodes && graph.edges === s.edges) return;
            const nodeIds = new Set(graph.nodes.map((n) => n.id));
            const edgeIds = new Set(graph.edges.map((e) => e.id));
            commit(
              {
                meta: graph.meta,
                start: graph.start,
                nodes: graph.nodes,
                edges: graph.edges,
                selectedNodeIds: s.selectedNodeIds.filter((id) => nodeIds.has(id)),
                selectedEdgeIds: s.selectedEdgeIds.filter((id) => edgeIds.has(id)),
              },
              coalesceKey ? `graph:${coalesceKey}` : undefined,
            );
          },

          select(nodeIds, edgeIds = []) {
            const s = get();
            if (sameList(s.selectedNodeIds, nodeIds) && sameList(s.selectedEdgeIds, edgeIds)) return;
            set({ selectedNodeIds: [...nodeIds], selectedEdgeIds: [...edgeIds] });
          },

          applyLayout(positions) {
            const s = get();
            const nodes = s.nodes.map((n) => {
              const p = positions.get(n.id);
              return p ? { ...n, position: p } : n;
            });
            commit({ nodes, fitRequest: s.fitRequest + 1 });
          },

          placeUnpositioned(positions) {
            const s = get();
            let changed = false;
            const nodes = s.nodes.map((n) => {
              const p = n.position ? undefined : positions.get(n.id);
              if (!p) return n;
              changed = true;
              return { ...n, position: p };
            });
            if (!changed) return;
            const t = store.temporal.getState();
            t.pause();
            set({ nodes, fitRequest: s.fitRequest + 1 });
            t.resume();
          },

          paste(data, offset) {
            const s = get();
            const pasted = pasteClipboard(data, takenIds(), new Set(s.edges.map((e) => e.id)), offset);
            if (pasted.nodes.length === 0) return [];
            const ids = pasted.nodes.map((n) => n.id);
            commit({
              nodes: [...s.nodes, ...pasted.nodes],
              edges: [...s.edges, ...pasted.edges],
              start: s.start ?? ids[0] ?? null,
              selectedNodeIds: ids,
              selectedEdgeIds: [],
            });
            return ids;
          },

          reorderSteps(order) {
            const s = get();
            const { edges, start } = rewireOrder(s, order);
            commit({ edges, start });
          },

          insertStep(afterId, type, title, fields) {
            const s = get();
            const outline = linearise(s);
            const steps = outline.linear ? outline.steps : [];
            const id = nextNodeId(type, takenIds());
            // No position: the canvas lays out unplaced nodes when it next opens.
            const node = { ...newNode(id, type, title ?? "", null), ...fields };
            const order = insertIntoOrder(steps, id, afterId);
            const withNode = { ...s, nodes: [...s.nodes, node] };
            const { edges, start } = rewireOrder(withNode, order);
            commit({ nodes: withNode.nodes, edges, start, selectedNodeIds: [id], selectedEdgeIds: [] });
            return id;
          },

          removeStep(id) {
            const s = get();
            const outline = linearise(s);
            const nodes = s.nodes.filter((n) => n.id !== id);
            const edges = s.edges.filter((e) => e.source !== id && e.target !== id);
            if (outline.linear && outline.steps.includes(id)) {
              const order = outline.steps.filter((x) => x !== id);
              const rewired = rewireOrder({ ...s, nodes, edges }, order);
              commit({
                nodes,
                edges: rewired.edges,
                start: order.length > 0 ? rewired.start : null,
                selectedNodeIds: [],
                selectedEdgeIds: [],
              });
            } else {
              commit({ nodes, edges, start: s.start === id ? null : s.start, selectedNodeIds: [], selectedEdgeIds: [] });
            }
          },

          setProblems(problems) {
            set({ problems });
          },
          setDiff(diff) {
            set({ diff });
          },
          focusNode(id) {
            set({ focusRequest: { nodeId: id, seq: (get().focusRequest?.seq ?? 0) + 1 }, selectedNodeIds: [id], selectedEdgeIds: [] });
          },
          undo() {
            lastCoalesce = null;
            store.temporal.getState().undo();
            pruneSelection();
          },
          redo() {
            lastCoalesce = null;
            store.temporal.getState().redo();
            pruneSelection();
          },
        };
      },
      {
        partialize: (s): TrackedState => trackedOf(s),
        equality: (a, b) => a.nodes === b.nodes && a.edges === b.edges && a.meta === b.meta && a.start === b.start,
        limit: 300,
      },
    ),
  );
  return store;
}

export type EditorStore = ReturnType<typeof createEditorStore>;
