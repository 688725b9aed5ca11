/**
 * Showing redaction before anything leaves: split text by the server's findings (composer) or by
 * the `[REDACTED:kind]` markers already in a rendered note (documentation), and summarise them.
 * Pure string work — callers render the pieces as text and `<mark>` elements, never as HTML.
 */

export interface Finding {
  kind: string;
  /** Offsets in code points (the backend counts Python `str` characters). */
  start: number;
  end: number;
}

export interface Segment {
  text: string;
  /** Set on a redacted span. */
  kind: string | null;
}

/** Same pattern as the backend's MARKER_RE. */
const MARKER_RE = /\[REDACTED:([a-z_]+)\]/g;

/** UTF-16 index of every code-point offset 0..n (Python offsets differ from JS ones after an emoji). */
function codePointIndex(text: string): number[] | null {
  // Fast path: no surrogate pairs, so the offsets already agree.
  if (!/[\uD800-\uDBFF]/.test(text)) return null;
  const index: number[] = [];
  let i = 0;
  for (const ch of text) {
    index.push(i);
    i += ch.length;
  }
  index.push(i);
  return index;
}

/**
 * Splits `text` into plain and redacted segments by `findings` (sorted, clamped; an overlapping
 * finding is folded into the one before it). Joining the segments' text gives `text` back.
 */
export function splitByFindings(text: string, findings: readonly Finding[]): Segment[] {
  const index = codePointIndex(text);
  const points = index ? index.length - 1 : text.length;
  const toUtf16 = (cp: number) => {
    const c = Math.min(Math.max(0, Math.trunc(cp)), points);
    return index ? index[c]! : c;
  };
  const spans = findings
    .map((f) => ({ kind: f.kind, start: toUtf16(f.start), end: toUtf16(f.end) }))
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const out: Segment[] = [];
  let pos = 0;
  for (const span of spans) {
    if (span.start < pos) {
      // Overlaps the previous span: extend it rather than mark the same characters twice.
      const last = out[out.length - 1];
      if (last?.kind != null && span.end > pos) {
        last.text += text.slice(pos, span.end);
        pos = span.end;
      }
      continue;
    }
    if (span.start > pos) out.push({ text: text.slice(pos, span.start), kind: null });
    out.push({ text: text.slice(span.start, span.end), kind: span.kind });
    pos = span.end;
  }
  if (pos < text.length) out.push({ text: text.slice(pos), kind: null });
  return out;
}

/** Splits already-redacted text on its `[REDACTED:kind]` markers. */
export function splitMarkers(text: string): Segment[] {
  const out: Segment[] = [];
  let pos = 0;
  for (const m of text.matchAll(MARKER_RE)) {
    const start = m.index;
    if (start > pos) out.push({ text: text.slice(pos, start), kind: null });
    out.push({ text: m[0], kind: m[1]! });
    pos = start + m[0].length;
  }
  if (pos < text.length || out.length === 0) out.push({ text: text.slice(pos), kind: null });
  return out;
}

export type KindCount = [kind: string, count: number];

/** How many of each kind, in order of first appearance. */
export function countKinds(kinds: Iterable<string>): KindCount[] {
  const counts = new Map<string, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts];
}

/** Counts the `[REDACTED:kind]` markers in a rendered note. */
export function countMarkers(text: string): KindCount[] {
  return countKinds(Array.from(text.matchAll(MARKER_RE), (m) => m[1]!));
}

/** "Redacted: 1 password, 2 api_key" or "Nothing redacted". */
export function formatRedactionSummary(counts: readonly KindCount[]): string {
  if (counts.length === 0) return "Nothing redacted";
  return `Redacted: ${counts.map(([kind, n]) => `${n} ${kind}`).join(", ")}`;
}

/** "2 values will be redacted in the ticket note: password, aws_access_key" (empty when none). */
export function describeFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return "";
  const kinds = countKinds(findings.map((f) => f.kind)).map(([k]) => k);
  const n = findings.length;
  return `${n} ${n === 1 ? "value" : "values"} will be redacted in the ticket note: ${kinds.join(", ")}`;
}
