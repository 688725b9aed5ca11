/**
 * FlowPilot's step shortcuts: 1–9 pick an option. They never fire while the person types
 * (inputs, textareas, selects, editable content) or holds a modifier.
 */
const TYPING_INPUT_TYPES = new Set(["text", "search", "email", "number", "password", "tel", "url", "date", "datetime-local", "time", "month", "week"]);

export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== "string") return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag === "input") return TYPING_INPUT_TYPES.has(((el as HTMLInputElement).type || "text").toLowerCase());
  if (el.isContentEditable || el.getAttribute?.("contenteditable") === "true") return true;
  return el.closest?.('[contenteditable="true"], [role="textbox"]') != null;
}

/** The option index a key press picks, or null. */
export function optionIndexFor(
  event: { key: string; altKey?: boolean; ctrlKey?: boolean; metaKey?: boolean; target?: EventTarget | null },
  count: number,
): number | null {
  if (event.altKey || event.ctrlKey || event.metaKey || isTypingTarget(event.target)) return null;
  if (!/^[1-9]$/.test(event.key)) return null;
  const index = Number(event.key) - 1;
  return index < count ? index : null;
}
