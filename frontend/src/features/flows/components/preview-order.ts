/** Nodes in reading order for the preview list: breadth-first from the start, then the rest. */
export function readingOrder(
  start: string | null,
  nodes: readonly { id: string }[],
  edges: readonly { source: string; target: string }[],
): string[] {
  const ids = new Set(nodes.map((n) => n.id));
  const out: string[] = [];
  const seen = new Set<string>();
  const queue = start && ids.has(start) ? [start] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(id);
    for (const e of edges) if (e.source === id && ids.has(e.target) && !seen.has(e.target)) queue.push(e.target);
  }
  for (const n of nodes) if (!seen.has(n.id)) out.push(n.id);
  return out;
}
