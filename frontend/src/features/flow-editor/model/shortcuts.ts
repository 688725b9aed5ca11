/** Which editor command a key press means; nothing while the person is typing somewhere. */
export type EditorCommand = "undo" | "redo" | "delete" | "copy" | "paste" | "select-all" | "deselect" | "save";

export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") {
    const type = (target as HTMLInputElement).type;
    return !["button", "checkbox", "radio", "submit", "reset", "range", "color", "file"].includes(type);
  }
  return false;
}

export function commandFor(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey" | "target">): EditorCommand | null {
  if (isTypingTarget(e.target)) return null;
  if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return null;
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.toLowerCase();
  if (mod && !e.altKey) {
    if (key === "z") return e.shiftKey ? "redo" : "undo";
    if (key === "y") return "redo";
    if (key === "c") return "copy";
    if (key === "v") return "paste";
    if (key === "a") return "select-all";
    if (key === "s") return "save";
    return null;
  }
  if (!e.altKey && (e.key === "Delete" || e.key === "Backspace")) return "delete";
  if (e.key === "Escape") return "deselect";
  return null;
}

/**
 * Ctrl/⌘+Shift+M switches between the canvas (or outline) and code mode. It works while typing,
 * so it also leaves the code textarea; not inside dialogs.
 */
export function isCodeToggle(e: Pick<KeyboardEvent, "key" | "ctrlKey" | "metaKey" | "shiftKey" | "altKey" | "target">): boolean {
  if (e.target instanceof Element && e.target.closest('[role="dialog"]')) return false;
  return (e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === "m";
}
