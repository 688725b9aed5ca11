/**
 * "Start here" dissolves the context screen into the session: a short fade, then `go()`. With
 * prefers-reduced-motion it goes at once.
 */
import { useCallback, useEffect, useRef, useState } from "react";

export const DISSOLVE_MS = 300;

function reducedMotion(): boolean {
  return typeof window.matchMedia === "function" && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
}

export function useDissolve(): { dissolving: boolean; dissolve: (go: () => void) => void } {
  const [dissolving, setDissolving] = useState(false);
  const timer = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
    },
    [],
  );
  const dissolve = useCallback((go: () => void) => {
    if (reducedMotion()) {
      go();
      return;
    }
    setDissolving(true);
    timer.current = window.setTimeout(go, DISSOLVE_MS);
  }, []);
  return { dissolving, dissolve };
}
