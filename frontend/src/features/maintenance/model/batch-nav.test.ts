import { describe, expect, it } from "vitest";
import { navAction } from "./batch-nav";

describe("navAction", () => {
  it("moves with j/k and the arrows, stopping at the ends", () => {
    expect(navAction({ key: "j" }, 0, 3)).toEqual({ type: "move", to: 1 });
    expect(navAction({ key: "ArrowDown" }, 2, 3)).toEqual({ type: "move", to: 2 });
    expect(navAction({ key: "k" }, 2, 3)).toEqual({ type: "move", to: 1 });
    expect(navAction({ key: "ArrowUp" }, 0, 3)).toEqual({ type: "move", to: 0 });
    expect(navAction({ key: "Home" }, 2, 3)).toEqual({ type: "move", to: 0 });
    expect(navAction({ key: "End" }, 0, 3)).toEqual({ type: "move", to: 2 });
  });

  it("opens with Enter when a row is selected", () => {
    expect(navAction({ key: "Enter" }, 1, 3)).toEqual({ type: "open" });
    expect(navAction({ key: "Enter" }, -1, 3)).toBeNull();
  });

  it("ignores other keys, modifiers and an empty table", () => {
    expect(navAction({ key: "x" }, 0, 3)).toBeNull();
    expect(navAction({ key: "j", ctrlKey: true }, 0, 3)).toBeNull();
    expect(navAction({ key: "j", metaKey: true }, 0, 3)).toBeNull();
    expect(navAction({ key: "j" }, 0, 0)).toBeNull();
  });
});
