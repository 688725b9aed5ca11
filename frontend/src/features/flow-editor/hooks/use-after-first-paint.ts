/** For what can wait a frame: false while the editor's first frame is painted, true right after. */
import { useEffect, useState } from "react";

/** Calls `fn` once the next frame has been painted (a frame callback runs just before a paint). */
export function afterNextPaint(fn: () => void): () => void {
  let timer: number | undefined;
  const frame = window.requestAnimationFrame(() => {
    timer = window.setTimeout(fn, 0);
  });
  return () => {
    window.cancelAnimationFrame(frame);
    window.clearTimeout(timer);
  };
}

export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => afterNextPaint(() => setPainted(true)), []);
  return painted;
}
