/** The scratchpad's pure parts: which line to promote, and whether Ctrl+/ was pressed. Pure. */

/** The line the caret is on (or the selected text), trimmed; "" when there is nothing. */
export function lineAt(text: string, selectionStart: number, selectionEnd: number): string {
  if (selectionEnd > selectionStart) return text.slice(selectionStart, selectionEnd).trim();
  const start = text.lastIndexOf("\n", Math.max(0, selectionStart - 1)) + 1;
  const end = text.indexOf("\n", selectionStart);
  return text.slice(selectionStart === 0 ? 0 : start, end === -1 ? text.length : end).trim();
}

/** Ctrl+/ (Cmd+/ on a Mac) toggles the scratchpad, even while typing. */
export function isScratchpadToggle(e: { key: string; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean }): boolean {
  return e.key === "/" && Boolean(e.ctrlKey || e.metaKey) && !e.altKey;
}
