/**
 * Keyboard use of the batch table: j/↓ and k/↑ move the selection, Home/End jump, Enter opens the
 * target's session. Keys never act while the person types in a field or holds a modifier.
 */
export type NavAction = { type: "move"; to: number } | { type: "open" } | null;

export interface NavKey {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

export function navAction(e: NavKey, index: number, count: number): NavAction {
  if (count === 0 || e.altKey || e.ctrlKey || e.metaKey) return null;
  const at = Math.min(Math.max(index, -1), count - 1);
  switch (e.key) {
    case "j":
    case "ArrowDown":
      return { type: "move", to: Math.min(at + 1, count - 1) };
    case "k":
    case "ArrowUp":
      return { type: "move", to: Math.max(at - 1, 0) };
    case "Home":
      return { type: "move", to: 0 };
    case "End":
      return { type: "move", to: count - 1 };
    case "Enter":
      return at >= 0 ? { type: "open" } : null;
    default:
      return null;
  }
}
