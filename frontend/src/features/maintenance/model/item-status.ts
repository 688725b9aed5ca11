/** How a batch's targets read: a label and tone per state, the filters, the progress figures. */
import type { BatchCounts, BatchItem, ItemStatus } from "../api/types";

type Tone = "gray" | "green" | "amber" | "red" | "indigo";

export const ITEM_STATUSES: readonly ItemStatus[] = ["pending", "in_progress", "done", "skipped", "failed", "escalated"];

export const ITEM_BADGE: Record<ItemStatus, { label: string; tone: Tone }> = {
  pending: { label: "Pending", tone: "gray" },
  in_progress: { label: "In progress", tone: "indigo" },
  done: { label: "Done", tone: "green" },
  skipped: { label: "Skipped", tone: "amber" },
  failed: { label: "Failed", tone: "red" },
  escalated: { label: "Escalated", tone: "amber" },
};

/** The states in which someone still has to work a target (skip/fail are allowed). */
export function isOpen(status: ItemStatus): boolean {
  return status === "pending" || status === "in_progress";
}

export type ItemFilter = "all" | "open" | ItemStatus;

export const ITEM_FILTERS: readonly { value: ItemFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "open", label: "To do" },
  ...ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_BADGE[s].label })),
];

export function isItemFilter(value: string | null): value is ItemFilter {
  return ITEM_FILTERS.some((f) => f.value === value);
}

/** Items that pass `filter` and whose label, client or engineer contains `text`. */
export function filterItems(items: readonly BatchItem[], filter: ItemFilter, text = ""): BatchItem[] {
  const q = text.trim().toLowerCase();
  return items.filter((i) => {
    if (filter === "open" ? !isOpen(i.status) : filter !== "all" && i.status !== filter) return false;
    if (!q) return true;
    return [i.label, i.client, i.assignee_name ?? ""].some((v) => v.toLowerCase().includes(q));
  });
}

/** How many of `filter` there are, from the counts. */
export function countFor(counts: BatchCounts, filter: ItemFilter): number {
  if (filter === "all") return counts.total;
  if (filter === "open") return counts.pending + counts.in_progress;
  return counts[filter];
}

/** Finished (done, skipped or failed) out of the total, and the percentage for the bar. */
export function progressOf(counts: BatchCounts): { finished: number; total: number; percent: number } {
  const finished = counts.done + counts.skipped + counts.failed;
  const total = counts.total;
  return { finished, total, percent: total === 0 ? 0 : Math.round((finished / total) * 100) };
}

/** The bar's segments, in the order they are drawn (only states with targets). */
export function progressSegments(counts: BatchCounts): { status: ItemStatus; count: number; percent: number }[] {
  if (counts.total === 0) return [];
  return (["done", "skipped", "failed", "escalated", "in_progress"] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => ({ status: s, count: counts[s], percent: (counts[s] / counts.total) * 100 }));
}

/** "Session answer", "Note" … from an event type such as `answer` or `step_shown`. */
export function eventLabel(type: string | null): string {
  if (!type) return "—";
  const words = type.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
