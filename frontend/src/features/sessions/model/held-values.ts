/**
 * Values the runner keeps that the server does not: a secret input's value (never sent) and any
 * value the server stored redacted ("Password: …"). Later steps' `{{name}}` placeholders are
 * filled in from here, on this screen only.
 *
 * Kept in this module's memory on purpose: not in localStorage/sessionStorage (written to disk,
 * readable by every script of the origin, alive after the tab), not in the query cache (which
 * may be persisted or logged by devtools). A reload or signing out forgets them; the step then
 * shows what the server may show ("••• (secret captured)").
 */
import { useSyncExternalStore } from "react";
import { authStore } from "@/lib/auth-store";

type Values = ReadonlyMap<string, string>;

const EMPTY: Values = new Map();
const bySession = new Map<string, Values>();
const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

/** Remember what the engineer typed for `name` in `sessionId` (replacing an earlier answer). */
export function holdValue(sessionId: string, name: string, value: string): void {
  const next = new Map(bySession.get(sessionId) ?? EMPTY);
  next.set(name, value);
  bySession.set(sessionId, next);
  notify();
}

export function heldValues(sessionId: string): Values {
  return bySession.get(sessionId) ?? EMPTY;
}

/** Forget everything held (tests; signing out). */
export function forgetHeldValues(): void {
  bySession.clear();
  notify();
}

// Whoever signs in next in this tab must not find the previous person's values.
authStore.subscribe(() => {
  if (authStore.get().status === "signed-out" && bySession.size > 0) forgetHeldValues();
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useHeldValues(sessionId: string): Values {
  return useSyncExternalStore(
    subscribe,
    () => heldValues(sessionId),
    () => EMPTY,
  );
}

export const MASK = "•••";
const PLACEHOLDER = /{{\s*([A-Za-z][A-Za-z0-9_]*)\s*}}/g;

export interface HeldFill {
  /** Names of values only the runner holds (`withheld_variables`). */
  withheld: readonly string[];
  held: Values;
  /** What the server may show for each (`variables`): the fallback when nothing is held. */
  shown: Readonly<Record<string, string>>;
  /** Show held values as they are, or masked. */
  reveal: boolean;
}

/** `text` with its withheld `{{name}}` placeholders filled in (others are left as they are). */
export function fillHeld(text: string, { withheld, held, shown, reveal }: HeldFill): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (!withheld.includes(name)) return whole;
    const value = held.get(name);
    if (value !== undefined) return reveal ? value : MASK;
    return shown[name] ?? whole;
  });
}

/** Whether `text` shows any value the runner holds (so a "Show values" toggle means something). */
export function showsHeld(text: string, withheld: readonly string[], held: Values): boolean {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const name = m[1];
    if (name !== undefined && withheld.includes(name) && held.has(name)) return true;
  }
  return false;
}
