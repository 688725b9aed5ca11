/**
 * A session launched by a maintenance batch: its `started` event names the batch, and "next
 * target" picks the following open target the person can work (their own first, then an
 * unclaimed one of a team pool), after this one in the batch's order and wrapping around.
 */
import type { SessionDetail } from "../api/types";

/** The fields of a batch the runner needs (GET /maintenance/batches/{id}). */
export interface BatchItemLike {
  id: string;
  position: number;
  label: string;
  session_id: string | null;
  status: string;
  assignee_id: string | null;
}

export function batchIdOf(session: Pick<SessionDetail, "timeline">): string | null {
  const started = session.timeline.find((e) => e.type === "started");
  const id = started?.payload.batch_id;
  return typeof id === "string" && id ? id : null;
}

const OPEN = new Set(["pending", "in_progress"]);

export type NextTarget = { item: BatchItemLike; claim: boolean } | null;

export function nextTarget(items: readonly BatchItemLike[], sessionId: string, meId: string | undefined, pool: boolean): NextTarget {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const here = ordered.findIndex((i) => i.session_id === sessionId);
  const after = here < 0 ? ordered : [...ordered.slice(here + 1), ...ordered.slice(0, here)];
  const open = after.filter((i) => OPEN.has(i.status) && i.session_id && i.session_id !== sessionId);
  const mine = open.find((i) => i.assignee_id === meId);
  if (mine) return { item: mine, claim: false };
  const free = pool ? open.find((i) => i.assignee_id === null) : undefined;
  return free ? { item: free, claim: true } : null;
}

/** "3 of 6" — where this session's target is in the batch. */
export function positionText(items: readonly BatchItemLike[], sessionId: string): string | null {
  const ordered = [...items].sort((a, b) => a.position - b.position);
  const i = ordered.findIndex((x) => x.session_id === sessionId);
  return i < 0 ? null : `${i + 1} of ${ordered.length}`;
}
