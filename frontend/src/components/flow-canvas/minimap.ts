import type { Node } from "@xyflow/react";

const COLOURS: Record<string, string> = {
  question: "#6366f1",
  action: "#0ea5e9",
  checklist: "#14b8a6",
  input: "#f59e0b",
  resolution: "#10b981",
  subflow: "#8b5cf6",
};

export function minimapColour(node: Node): string {
  return COLOURS[(node.type ?? "").replace(/^flow-/, "")] ?? "#94a3b8";
}
