import { useLayoutEffect, useRef } from "react";

/**
 * A page-wide keyboard shortcut: `handler` sees every keydown on the window that nothing else
 * has handled, except while a dialog makes the page inert.
 *
 * The listener is added once, in a layout effect, so it exists as soon as the page's controls
 * are on screen (a passive effect can run a moment later, and a key pressed in between was
 * lost); the latest `handler` is read through a ref, so it can close over fresh state.
 */
export function usePageShortcut(handler: (e: KeyboardEvent) => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useLayoutEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.defaultPrevented || document.getElementById("root")?.inert) return;
      latest.current(e);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);
}
