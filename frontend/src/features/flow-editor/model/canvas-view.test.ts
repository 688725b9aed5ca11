import { getViewportForBounds } from "@xyflow/react";
import { describe, expect, it } from "vitest";
import { newNode } from "@/lib/flow-graph/convert";
import { NODE_HEIGHT, NODE_WIDTH } from "@/lib/flow-graph/layout";
import { toRFNode } from "@/lib/flow-graph/react-flow";
import type { NodeType } from "@/lib/flow-graph/types";
import { dropMeasuredGuesses, fittedViewport, withMeasured, withSizeGuess } from "./canvas-view";

const FLAGS = { isStart: false, selected: false, problem: null, diff: null };
const rf = (id: string, type: NodeType, x: number, y: number) => toRFNode(newNode(id, type, "", { x, y }), FLAGS);

describe("size guesses for unmeasured nodes", () => {
  it("gives the card's size and its handles (no way out of a resolution)", () => {
    const q = withSizeGuess(rf("q1", "question", 0, 0));
    expect(q).toMatchObject({ initialWidth: NODE_WIDTH, initialHeight: NODE_HEIGHT });
    expect(q.handles?.map((h) => h.type)).toEqual(["target", "source"]);
    expect(withSizeGuess(rf("r1", "resolution", 0, 0)).handles?.map((h) => h.type)).toEqual(["target"]);
  });

  it("drops the handle guess once measured, so the measured handles are kept", () => {
    const measured = withMeasured(withSizeGuess(rf("q1", "question", 0, 0)), { width: 220, height: 120 });
    expect(measured.handles).toBeUndefined();
    expect(measured.measured).toEqual({ width: 220, height: 120 });

    const guessed = withSizeGuess(rf("a1", "action", 0, 0));
    const justMeasured = { ...withSizeGuess(rf("a2", "action", 0, 0)), measured: { width: 220, height: 96 } };
    const [kept, dropped] = dropMeasuredGuesses([guessed, justMeasured]);
    expect(kept).toBe(guessed);
    expect(dropped?.handles).toBeUndefined();
    expect(dropped?.measured).toEqual({ width: 220, height: 96 });
    const none = [guessed];
    expect(dropMeasuredGuesses(none)).toBe(none);
  });
});

describe("the view the canvas opens with", () => {
  it("frames every node like fitView (padding 0.2, at most 125 %)", () => {
    const nodes = [withSizeGuess(rf("a", "action", 0, 0)), withMeasured(rf("b", "action", 2000, 600), { width: 220, height: 140 })];
    expect(fittedViewport(nodes, 1000, 700)).toEqual(getViewportForBounds({ x: 0, y: 0, width: 2220, height: 740 }, 1000, 700, 0.1, 1.25, 0.2));
    expect(fittedViewport([withSizeGuess(rf("a", "action", 0, 0))], 1000, 700)?.zoom).toBe(1.25);
  });

  it("has nothing to fit without nodes or without a pane", () => {
    expect(fittedViewport([], 1000, 700)).toBeNull();
    expect(fittedViewport([withSizeGuess(rf("a", "action", 0, 0))], 0, 0)).toBeNull();
  });
});
