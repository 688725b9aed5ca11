/**
 * The editable canvas. The graph lives in the editor store; this component keeps a local copy of
 * React Flow's nodes only for what changes every frame (drag positions, measured sizes) and
 * commits positions to the store on drag end, so a drag is one undo step.
 *
 * It opens already fitted to the graph and hands React Flow a size guess for unmeasured nodes
 * (see `canvas-view.ts`), so a big flow's first paint draws only the nodes on screen.
 */
import "@xyflow/react/dist/style.css";
import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type Edge,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  type Viewport,
} from "@xyflow/react";
import { type RefObject, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { FLOW_NODE_TYPES } from "@/components/flow-canvas/flow-node";
import { minimapColour } from "@/components/flow-canvas/minimap";
import { layoutGraph, NODE_HEIGHT, NODE_WIDTH, needsLayout } from "@/lib/flow-graph/layout";
import { type FlowRFNode, problemsByNode, RFNodeCache, toRFEdge } from "@/lib/flow-graph/react-flow";
import type { GraphEdge, Position } from "@/lib/flow-graph/types";
import {
  dropMeasuredGuesses,
  FIT_MAX_ZOOM,
  FIT_PADDING,
  fittedViewport,
  MAX_ZOOM,
  MIN_ZOOM,
  withMeasured,
  withSizeGuess,
} from "../model/canvas-view";
import { useAfterFirstPaint } from "../hooks/use-after-first-paint";
import { useEditor, useEditorStoreApi } from "../model/editor-context";

export const VISIBLE_ONLY_ABOVE = 150;
/** The Controls' "fit view" button: nodes never scrolled into view are unmeasured, count them too. */
const FIT_ALL = { includeHiddenNodes: true };

const pairKey = (source: string, target: string) => `${source}\u0000${target}`;

export function EditorCanvas({ wrapperRef }: { wrapperRef: RefObject<HTMLDivElement | null> }) {
  const store = useEditorStoreApi();
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const start = useEditor((s) => s.start);
  const selectedNodeIds = useEditor((s) => s.selectedNodeIds);
  const selectedEdgeIds = useEditor((s) => s.selectedEdgeIds);
  const problems = useEditor((s) => s.problems);
  const diff = useEditor((s) => s.diff);
  const fitRequest = useEditor((s) => s.fitRequest);
  const focusRequest = useEditor((s) => s.focusRequest);
  const rf = useReactFlow();
  // The minimap draws every node: it can come a frame after the nodes on screen.
  const showMiniMap = useAfterFirstPaint();

  const cache = useRef(new RFNodeCache());
  const measured = useRef(new Map<string, { width: number; height: number }>());

  const problemMap = useMemo(() => problemsByNode(problems), [problems]);
  const edgeProblems = useMemo(() => {
    const m = new Map<string, "error" | "warning">();
    for (const p of problems) {
      if (!p.edge) continue;
      const k = pairKey(p.edge.source, p.edge.target);
      if (p.severity === "error" || !m.has(k)) m.set(k, p.severity === "error" ? "error" : "warning");
    }
    return m;
  }, [problems]);

  const derived = useMemo(() => {
    const sel = new Set(selectedNodeIds);
    return cache.current.build(nodes, (n) => ({
      isStart: n.id === start,
      selected: sel.has(n.id),
      problem: problemMap.get(n.id) ?? null,
      diff: diff?.added.has(n.id) ? "added" : diff?.changed.has(n.id) ? "changed" : null,
    }));
  }, [nodes, start, selectedNodeIds, problemMap, diff]);

  // Local nodes = derived nodes + measured sizes (or a guess) + in-progress drag positions.
  const toLocal = (d: FlowRFNode) => {
    const m = measured.current.get(d.id);
    return m ? withMeasured(d, m) : withSizeGuess(d);
  };
  const [local, setLocal] = useState<{ src: FlowRFNode[]; nodes: FlowRFNode[] }>(() => ({ src: derived, nodes: derived.map(toLocal) }));
  if (local.src !== derived) {
    const prevSrc = new Map(local.src.map((n) => [n.id, n]));
    const prevLocal = new Map(local.nodes.map((n) => [n.id, n]));
    const next = derived.map((d) => (prevSrc.get(d.id) === d ? (prevLocal.get(d.id) ?? toLocal(d)) : toLocal(d)));
    setLocal({ src: derived, nodes: next });
  }

  // The view the canvas opens with: fitted to the graph, worked out before React Flow mounts (it
  // needs the pane's size), so React Flow never lays out the whole graph at the wrong zoom first.
  const [initialView, setInitialView] = useState<Viewport | null>(null);
  useLayoutEffect(() => {
    const el = wrapperRef.current;
    setInitialView(fittedViewport(local.nodes, el?.clientWidth ?? 0, el?.clientHeight ?? 0) ?? { x: 0, y: 0, zoom: 1 });
    // Once, on mount: later fits are asked for through `fitRequest`.
  }, []);

  const edgeCache = useRef(new Map<string, { src: GraphEdge; key: string; rf: Edge }>());
  const rfEdges = useMemo(() => {
    const sel = new Set(selectedEdgeIds);
    const next = new Map<string, { src: GraphEdge; key: string; rf: Edge }>();
    const out = edges.map((e) => {
      const k = pairKey(e.source, e.target);
      const d = diff?.edgesAdded.has(k) ? "added" : diff?.edgesChanged.has(k) ? "changed" : null;
      const problem = edgeProblems.get(k) ?? null;
      const key = `${sel.has(e.id)}|${d}|${problem}`;
      const hit = edgeCache.current.get(e.id);
      if (hit && hit.src === e && hit.key === key) {
        next.set(e.id, hit);
        return hit.rf;
      }
      const built = toRFEdge(e, { selected: sel.has(e.id), diff: d, problem });
      next.set(e.id, { src: e, key, rf: built });
      return built;
    });
    edgeCache.current = next;
    return out;
  }, [edges, selectedEdgeIds, diff, edgeProblems]);

  const onNodesChange = useCallback(
    (changes: NodeChange<FlowRFNode>[]) => {
      const applied: NodeChange<FlowRFNode>[] = [];
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type === "dimensions") {
          if (c.dimensions) measured.current.set(c.id, c.dimensions);
          applied.push(c);
        } else if (c.type === "position") {
          applied.push(c);
        } else if (c.type === "select") {
          selection ??= new Set(store.getState().selectedNodeIds);
          if (c.selected) selection.add(c.id);
          else selection.delete(c.id);
        }
      }
      if (applied.length > 0) setLocal((l) => ({ src: l.src, nodes: dropMeasuredGuesses(applyNodeChanges(applied, l.nodes)) }));
      if (selection) store.getState().select([...selection], store.getState().selectedEdgeIds);
    },
    [store],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      let selection: Set<string> | null = null;
      for (const c of changes) {
        if (c.type !== "select") continue;
        selection ??= new Set(store.getState().selectedEdgeIds);
        if (c.selected) selection.add(c.id);
        else selection.delete(c.id);
      }
      if (selection) store.getState().select(store.getState().selectedNodeIds, [...selection]);
    },
    [store],
  );

  const commitDrag = useCallback(
    (_: unknown, __: unknown, dragged: FlowRFNode[]) => {
      const positions = new Map<string, Position>();
      for (const n of dragged) positions.set(n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) });
      store.getState().moveNodes(positions);
    },
    [store],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      const s = store.getState();
      const id = s.connect(c.source, c.target, "");
      if (!id) return;
      const source = s.nodes.find((n) => n.id === c.source);
      if (source?.type === "question") {
        // A question's connections are its answers: ask for the label straight away.
        store.getState().select([], [id]);
        window.requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-field="edge-answer-label"]')?.focus());
      }
    },
    [store],
  );

  // Nodes added in the outline (or imported without positions) get a place when the canvas opens.
  useEffect(() => {
    const s = store.getState();
    if (needsLayout(s.nodes)) s.placeUnpositioned(layoutGraph(s));
  }, [store]);

  const fitted = useRef(fitRequest);
  useEffect(() => {
    // The canvas opens fitted (initialView); after that, only when asked (load, auto-layout), not
    // on every node change. Nodes never scrolled into view are unmeasured: count their guessed size.
    if (fitRequest === fitted.current) return;
    fitted.current = fitRequest;
    const t = window.setTimeout(
      () => void rf.fitView({ padding: FIT_PADDING, duration: 200, maxZoom: FIT_MAX_ZOOM, includeHiddenNodes: true }),
      30,
    );
    return () => window.clearTimeout(t);
  }, [fitRequest]);

  useEffect(() => {
    if (!focusRequest) return;
    const n = store.getState().nodes.find((x) => x.id === focusRequest.nodeId);
    if (!n?.position) return;
    void rf.setCenter(n.position.x + NODE_WIDTH / 2, n.position.y + NODE_HEIGHT / 2, {
      zoom: Math.max(rf.getZoom(), 1),
      duration: 250,
    });
  }, [focusRequest]);

  return (
    <div ref={wrapperRef} className="h-full w-full" data-testid="flow-canvas">
      {initialView && (
        <ReactFlow<FlowRFNode>
          nodes={local.nodes}
          edges={rfEdges}
          nodeTypes={FLOW_NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={commitDrag}
          onConnect={onConnect}
          onPaneClick={() => store.getState().select([], [])}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={["Shift", "Meta", "Control"]}
          // Small graphs keep every node in the DOM (handy for tests and find-in-page); big ones
          // render only what is on screen.
          onlyRenderVisibleElements={nodes.length > VISIBLE_ONLY_ABOVE}
          defaultViewport={initialView}
          minZoom={MIN_ZOOM}
          maxZoom={MAX_ZOOM}
          snapToGrid
          snapGrid={[8, 8]}
          defaultEdgeOptions={{ type: "smoothstep" }}
          proOptions={{ hideAttribution: true }}
        >
          <Background gap={16} />
          {showMiniMap && <MiniMap pannable zoomable nodeColor={minimapColour} ariaLabel="Mini map" />}
          <Controls showInteractive={false} fitViewOptions={FIT_ALL} />
        </ReactFlow>
      )}
    </div>
  );
}
