/**
 * A chunk's text as blocks to show: fenced code (monospace, as-is) and prose paragraphs. The text
 * is plain text with Markdown-style fences (that is what extraction produces), so it is never
 * rendered as HTML.
 */
export type ChunkBlock = { kind: "code"; lang: string; code: string } | { kind: "text"; text: string };

const FENCE = /^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)?.*$/;

export function chunkBlocks(text: string): ChunkBlock[] {
  const out: ChunkBlock[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  let prose: string[] = [];
  const flushProse = () => {
    for (const para of prose.join("\n").split(/\n{2,}/)) {
      const t = para.replace(/^\n+|\n+$/g, "");
      if (t.trim()) out.push({ kind: "text", text: t });
    }
    prose = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    flushProse();
    const marker = open[1]!;
    const code: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(lines[j]!);
      if (close && close[1]![0] === marker[0] && close[1]!.length >= marker.length) break;
      code.push(lines[j]!);
    }
    out.push({ kind: "code", lang: open[2] ?? "", code: code.join("\n") });
    i = j; // past the closing fence (or the end, when it never closes)
  }
  flushProse();
  return out;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const ACCEPTED_EXTENSIONS = [".md", ".markdown", ".txt", ".log", ".html", ".htm", ".pdf", ".docx"] as const;
export const MAX_UPLOAD_BYTES = 16 * 1024 * 1024;

export const FORMAT_LABELS: Record<string, string> = {
  markdown: "Markdown",
  text: "Text",
  html: "HTML",
  pdf: "PDF",
  docx: "DOCX",
};
export const formatLabel = (f: string) => FORMAT_LABELS[f] ?? f.toUpperCase();
