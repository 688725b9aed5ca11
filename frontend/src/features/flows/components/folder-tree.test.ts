import { describe, expect, it } from "vitest";
import { descendantsOf, flattenFolderTree } from "./folder-tree";

const f = (id: string, name: string, parent_id: string | null = null) => ({ id, name, parent_id, flow_count: 0 });

describe("folder tree", () => {
  it("nests by parent_id, alphabetically, and survives orphans and cycles", () => {
    const rows = flattenFolderTree([f("b", "Network"), f("a", "Email"), f("c", "Outlook", "a"), f("d", "Lost", "zzz"), f("x", "X", "y"), f("y", "Y", "x")]);
    expect(rows.map((r) => `${"-".repeat(r.depth)}${r.folder.name}`)).toEqual(["Email", "-Outlook", "Lost", "Network", "X", "Y"]);
    expect(descendantsOf([f("a", "A"), f("b", "B", "a"), f("c", "C", "b"), f("d", "D")], "a")).toEqual(new Set(["a", "b", "c"]));
  });
});
