/**
 * The runner's keyboard shortcuts: 1–9 pick a question's answers, Alt+Left or Backspace goes
 * back. They never fire while the person is typing (inputs, textareas, selects, editable
 * content) or when a modifier other than the one a shortcut needs is held.
 */

export type ShortcutAction = { type: "answer"; index: number } | { type: "back" };

export interface KeyLike {
  key: string;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  target?: EventTarget | null;
}

export interface ShortcutContext {
  /** How many answer buttons the current step shows (0 when it isn't a question). */
  answerCount: number;
  canGoBack: boolean;
  /** False while something is pending, a dialog is open or the session can't be worked on. */
  enabled: boolean;
}

const TYPING_INPUT_TYPES = new Set(["text", "search", "email", "number", "password", "tel", "url", "date", "datetime-local", "time", "month", "week"]);

/** True when a key press on `target` is text entry rather than a command. */
export function isTypingTarget(target: EventTarget | null | undefined): boolean {
  if (!target || typeof (target as Element).tagName !== "string") return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag === "input") {
    const type = ((el as HTMLInputElement).type || "text").toLowerCase();
    return TYPING_INPUT_TYPES.has(type);
  }
  if (el.isContentEditable || el.getAttribute?.("contenteditable") === "true") return true;
  return el.closest?.('[contenteditable="true"], [role="textbox"]') != null;
}

export function shortcutFor(event: KeyLike, ctx: ShortcutContext): ShortcutAction | null {
  if (!ctx.enabled || isTypingTarget(event.target)) return null;
  if (event.ctrlKey || event.metaKey) return null;
  if (event.altKey) {
    return event.key === "ArrowLeft" && !event.shiftKey && ctx.canGoBack ? { type: "back" } : null;
  }
  if (event.key === "Backspace" && !event.shiftKey) return ctx.canGoBack ? { type: "back" } : null;
  if (/^[1-9]$/.test(event.key)) {
    const index = Number(event.key) - 1;
    return index < ctx.answerCount ? { type: "answer", index } : null;
  }
  return null;
}
