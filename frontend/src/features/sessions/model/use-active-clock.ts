import { useEffect, useState } from "react";
import { activeSecondsAt } from "./clock";

/** Re-renders once a second while `running`, returning the live active time in seconds. */
export function useActiveClock(base: number, receivedAt: number, running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const t = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, [running, base, receivedAt]);
  return activeSecondsAt(base, receivedAt, now, running);
}
