/** The coverage heat map's cells: a lookup by row and column, and colour steps by count. */

export interface CellLike {
  row: string;
  col: string;
  count: number;
  sessions_query: string;
}

export function cellKey(row: string, col: string): string {
  return `${row}\u0000${col}`;
}

export function cellMap<C extends CellLike>(cells: readonly C[]): Map<string, C> {
  return new Map(cells.map((c) => [cellKey(c.row, c.col), c]));
}

/** Background and text classes in six steps (0 = empty) relative to the largest cell. */
const STEPS = [
  "bg-white text-slate-400",
  "bg-indigo-50 text-indigo-900",
  "bg-indigo-100 text-indigo-900",
  "bg-indigo-200 text-indigo-950",
  "bg-indigo-400 text-white",
  "bg-indigo-600 text-white",
] as const;

/** The same steps as colours, for the PNG. */
export const STEP_COLOURS = [
  { bg: "#ffffff", fg: "#94a3b8" },
  { bg: "#eef2ff", fg: "#312e81" },
  { bg: "#e0e7ff", fg: "#312e81" },
  { bg: "#c7d2fe", fg: "#1e1b4b" },
  { bg: "#818cf8", fg: "#ffffff" },
  { bg: "#4f46e5", fg: "#ffffff" },
] as const;

export function intensity(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0;
  return Math.max(1, Math.ceil((count / max) * (STEPS.length - 1)));
}

export function cellClasses(count: number, max: number): string {
  return STEPS[intensity(count, max)]!;
}
